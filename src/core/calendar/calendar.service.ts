import holidays2026 from "./holidays/cn-2026.json";
import type { HallDatabase } from "../database/hall-database";
import { HallSettingEntity } from "../database/hall-setting.entity";
import type { EventBus } from "../events/event-bus";
import type { AuditService } from "../audit/audit.service";
import type { Logger } from "../logger";
import { BadInputError, NotFoundError } from "../errors/hall-error";
import { type CalendarDays, HallCalendar, holidaysFromFile, type LocalDate } from "./hall-calendar";
import { parseOpeningHours, type WeeklyHours } from "./opening-hours";
import { CalendarDayEntity, type CalendarDayKind } from "./calendar-day.entity";

const CHANGED_TOPIC = "hall.calendarChanged";

/** Holiday arrangements the hall carries; an admin adds later years through the API. */
const BUNDLED_YEARS: Array<{ key: string; file: unknown }> = [
  { key: "seed:calendar:cn-2026", file: holidays2026 },
];

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The hall's calendar as stored: weekly hours from configuration, closed days and make-up
 * working days from the database. It keeps a HallCalendar in memory for the hot paths
 * (taking a ticket, due dates) and rebuilds it whenever any server process changes a day.
 */
export class CalendarService {
  private current!: HallCalendar;
  private knownDays: CalendarDays = { closed: new Map(), extraWorkdays: new Map() };
  private byHours = new Map<string, HallCalendar>();
  private changes: AsyncIterator<unknown> | null = null;

  constructor(
    private readonly database: HallDatabase,
    private readonly events: EventBus,
    private readonly audit: AuditService,
    private readonly timeZone: string,
    private readonly weeklyHours: WeeklyHours,
    private readonly logger: Logger,
  ) {}

  get calendar(): HallCalendar {
    return this.current;
  }

  /**
   * The hall's calendar with other weekly hours (a window's or a service's own), sharing the
   * hall's holidays and make-up days. Null or empty hours mean the hall's.
   */
  withHours(hours: string | null | undefined): HallCalendar {
    if (!hours) return this.current;
    let calendar = this.byHours.get(hours);
    if (!calendar) {
      calendar = new HallCalendar({ timeZone: this.timeZone, weeklyHours: parseOpeningHours(hours), days: this.knownDays });
      this.byHours.set(hours, calendar);
    }
    return calendar;
  }

  async start(): Promise<void> {
    await this.seedBundledYears();
    await this.reload();
    this.listenForChanges();
  }

  async setDay(actorId: string, date: LocalDate, kind: CalendarDayKind, name: string) {
    assertLocalDate(date);
    const day = await this.database.transaction(async (tx, outbox) => {
      await tx.delete(CalendarDayEntity, { date });
      const saved = await tx.save(tx.create(CalendarDayEntity, { date, kind, name }));
      await this.audit.record(tx, {
        actorId,
        action: "calendar.setDay",
        subjectType: "CalendarDay",
        subjectId: date,
        details: { kind, name },
      });
      outbox.publish(CHANGED_TOPIC, { date });
      return saved;
    });
    await this.reload();
    return day;
  }

  async clearDay(actorId: string, date: LocalDate): Promise<boolean> {
    assertLocalDate(date);
    await this.database.transaction(async (tx, outbox) => {
      const result = await tx.delete(CalendarDayEntity, { date });
      if (!result.affected) throw new NotFoundError(`A calendar entry on ${date}`);
      await this.audit.record(tx, {
        actorId,
        action: "calendar.clearDay",
        subjectType: "CalendarDay",
        subjectId: date,
      });
      outbox.publish(CHANGED_TOPIC, { date });
    });
    await this.reload();
    return true;
  }

  async days(from: LocalDate, to: LocalDate): Promise<CalendarDayEntity[]> {
    assertLocalDate(from, "from");
    assertLocalDate(to, "to");
    return this.database.manager
      .createQueryBuilder(CalendarDayEntity, "d")
      .where("d.date >= :from AND d.date <= :to", { from, to })
      .orderBy("d.date", "ASC")
      .limit(400)
      .getMany();
  }

  async reload(): Promise<void> {
    const rows = await this.database.manager.find(CalendarDayEntity);
    const days: CalendarDays = { closed: new Map(), extraWorkdays: new Map() };
    for (const row of rows) (row.kind === "CLOSED" ? days.closed : days.extraWorkdays).set(row.date, row.name);
    this.knownDays = days;
    this.byHours = new Map();
    this.current = new HallCalendar({ timeZone: this.timeZone, weeklyHours: this.weeklyHours, days });
  }

  /**
   * Seeds each bundled year once. The marker row means an admin's later removal of a
   * holiday is not undone on the next start.
   */
  private async seedBundledYears(): Promise<void> {
    await this.database.transaction(async (tx) => {
      for (const { key, file } of BUNDLED_YEARS) {
        if (await tx.findOneBy(HallSettingEntity, { key })) continue;
        const days = holidaysFromFile(file);
        const rows = [
          ...[...days.closed].map(([date, name]) => ({ date, name, kind: "CLOSED" as const })),
          ...[...days.extraWorkdays].map(([date, name]) => ({ date, name, kind: "WORKDAY" as const })),
        ];
        for (const row of rows) {
          if (!(await tx.findOneBy(CalendarDayEntity, { date: row.date }))) await tx.insert(CalendarDayEntity, row);
        }
        await tx.insert(HallSettingEntity, { key, value: new Date().toISOString() });
        this.logger.info({ key, days: rows.length }, "holiday arrangement seeded");
      }
    });
  }

  /** Another server process changed a day: rebuild from the database. */
  private listenForChanges(): void {
    this.changes = this.events.subscribe(CHANGED_TOPIC)[Symbol.asyncIterator]();
    const next = (): void => {
      void this.changes!.next().then(async (step) => {
        if (step.done) return;
        await this.reload().catch((error) => this.logger.error({ err: error }, "calendar reload failed"));
        next();
      });
    };
    next();
  }

  stop(): void {
    void this.changes?.return?.();
  }
}

export function assertLocalDate(date: string, field = "date"): void {
  const valid = LOCAL_DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
  if (!valid || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new BadInputError(field, `${field} must be a date written YYYY-MM-DD.`);
  }
}

