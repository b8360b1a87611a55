import type { SelectQueryBuilder } from "typeorm";
import { type Actor, Role } from "../auth/role";
import type { AuditService } from "../audit/audit.service";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import type { Clock } from "../common/clock";
import { decodeCursor, type Page, pageSize, toPage } from "../common/pagination";
import type { HallDatabase } from "../database/hall-database";
import { sqlTime } from "../database/time";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import { AnnouncementEntity } from "./announcement.entity";

export interface AnnouncementFields {
  /** Null or absent for a hall-wide notice (admins only). */
  department?: string | null;
  title: string;
  body: string;
  /** Now when absent. */
  validFrom?: Date | null;
  /** Open-ended when absent or null. */
  validTo?: Date | null;
  order?: number | null;
}

/** Only what is given changes; `validTo: null` makes a notice open-ended. */
export interface AnnouncementChanges {
  title?: string | null;
  body?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  order?: number | null;
}

export interface BoardQuery {
  department?: string | null;
  /** With a department: whether the hall-wide notices show beside its own. */
  includeHallWide?: boolean;
  activeAt?: Date | null;
  first?: number;
  after?: string;
}

export const MAX_ANNOUNCEMENT_ORDER = 9999;
/** Room on both sides: 0 pins a notice above the ordinary ones, 9999 sinks it below. */
export const DEFAULT_ANNOUNCEMENT_ORDER = 100;
const MAX_BODY = 5000;

/** The hall's notices (信息发布): departments publish their own, admins the hall's. */
export class AnnouncementService {
  constructor(
    private readonly database: HallDatabase,
    private readonly departments: DepartmentRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, fields: AnnouncementFields): Promise<AnnouncementEntity> {
    const department = fields.department ?? null;
    if (department !== null && !this.departments.has(department)) {
      throw new BadInputError("department", `There is no department "${department}".`);
    }
    assertMayEdit(actor, department);
    const now = this.clock.now();
    const values = {
      title: text("title", fields.title, 200),
      body: text("body", fields.body, MAX_BODY),
      sortOrder: order(fields.order ?? DEFAULT_ANNOUNCEMENT_ORDER),
      ...validity(fields.validFrom ?? now, fields.validTo ?? null, now),
    };
    return this.database.transaction(async (tx) => {
      const item = tx.create(AnnouncementEntity, {
        departmentCode: department,
        ...values,
        withdrawnAt: null,
        createdByAccountId: actor.accountId,
        updatedByAccountId: actor.accountId,
      });
      await tx.save(item);
      await this.audit.record(tx, {
        actorId: actor.accountId,
        action: "announcement.create",
        subjectType: "Announcement",
        subjectId: item.id,
        details: { department },
      });
      return item;
    });
  }

  async update(actor: Actor, id: string, changes: AnnouncementChanges): Promise<AnnouncementEntity> {
    return this.database.transaction(async (tx) => {
      const item = await tx.findOneBy(AnnouncementEntity, { id });
      if (!item || !this.known(item)) throw new NotFoundError("Announcement");
      assertMayEdit(actor, item.departmentCode);
      if (item.withdrawnAt) throw new ConflictError("The announcement was withdrawn; publish a new one instead.");
      if (changes.title != null) item.title = text("title", changes.title, 200);
      if (changes.body != null) item.body = text("body", changes.body, MAX_BODY);
      if (changes.order != null) item.sortOrder = order(changes.order);
      const validFrom = changes.validFrom ?? item.validFrom;
      const validTo = changes.validTo !== undefined ? changes.validTo : item.validTo;
      // An expired notice may still get a corrected title; only a new window must lie ahead.
      const windowChanged = changes.validFrom != null || changes.validTo !== undefined;
      Object.assign(item, validity(validFrom, validTo, windowChanged ? this.clock.now() : null), {
        updatedByAccountId: actor.accountId,
      });
      await tx.save(item);
      await this.audit.record(tx, {
        actorId: actor.accountId,
        action: "announcement.update",
        subjectType: "Announcement",
        subjectId: item.id,
        details: { fields: Object.keys(changes) },
      });
      return item;
    });
  }

  async withdraw(actor: Actor, id: string): Promise<AnnouncementEntity> {
    return this.database.transaction(async (tx) => {
      const item = await tx.findOneBy(AnnouncementEntity, { id });
      if (!item || !this.known(item)) throw new NotFoundError("Announcement");
      assertMayEdit(actor, item.departmentCode);
      if (item.withdrawnAt) throw new ConflictError("The announcement was withdrawn already.");
      item.withdrawnAt = this.clock.now();
      item.updatedByAccountId = actor.accountId;
      await tx.save(item);
      await this.audit.record(tx, {
        actorId: actor.accountId,
        action: "announcement.withdraw",
        subjectType: "Announcement",
        subjectId: item.id,
      });
      return item;
    });
  }

  /** What a board shows at an instant: by order, then newest first. */
  async board(query: BoardQuery): Promise<Page<AnnouncementEntity>> {
    const at = query.activeAt ?? this.clock.now();
    if (Number.isNaN(at.getTime())) throw new BadInputError("activeAt", "activeAt is not a valid time.");
    const size = pageSize(query.first);
    const cursor = decodeCursor(query.after);
    const q = this.database.manager
      .createQueryBuilder(AnnouncementEntity, "a")
      .where("a.withdrawnAt IS NULL AND a.validFrom <= :at AND (a.validTo IS NULL OR a.validTo > :at)", {
        at: sqlTime(at),
      });
    if (query.department) {
      this.departments.get(query.department);
      const hallWide = query.includeHallWide ?? true;
      q.andWhere(hallWide ? "(a.departmentCode = :d OR a.departmentCode IS NULL)" : "a.departmentCode = :d", {
        d: query.department,
      });
    } else {
      this.onlyLoaded(q);
    }
    if (cursor) {
      const [sortOrder, validFrom] = splitKey(cursor.key);
      q.andWhere(
        "(a.sortOrder > :o OR (a.sortOrder = :o AND a.validFrom < :f)" +
          " OR (a.sortOrder = :o AND a.validFrom = :f AND a.id < :id))",
        { o: sortOrder, f: validFrom, id: cursor.id },
      );
    }
    const rows = await q
      .orderBy("a.sortOrder", "ASC")
      .addOrderBy("a.validFrom", "DESC")
      .addOrderBy("a.id", "DESC")
      .take(size + 1)
      .getMany();
    return toPage(rows, size, (a) => ({ key: `${a.sortOrder}|${sqlTime(a.validFrom)}`, id: a.id }));
  }

  /**
   * Every notice an editor looks after, scheduled and withdrawn ones too, newest first. Staff
   * see their department's; admins and supervisors one department's, or all when none is named.
   */
  async managed(actor: Actor, department: string | null, first?: number, after?: string) {
    if (department) this.departments.get(department);
    let scope = department;
    if (actor.role === Role.STAFF) {
      if (department && department !== actor.department) {
        throw new ForbiddenError("You may act only for your own department.");
      }
      scope = actor.department;
    } else if (actor.role !== Role.ADMIN && actor.role !== Role.SUPERVISOR) {
      throw new ForbiddenError();
    }
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const q = this.database.manager.createQueryBuilder(AnnouncementEntity, "a");
    if (scope) q.where("a.departmentCode = :d", { d: scope });
    else this.onlyLoaded(q);
    if (cursor) {
      q.andWhere("(a.createdAt < :at OR (a.createdAt = :at AND a.id < :id))", { at: cursor.key, id: cursor.id });
    }
    const rows = await q.orderBy("a.createdAt", "DESC").addOrderBy("a.id", "DESC").take(size + 1).getMany();
    return toPage(rows, size, (a) => ({ key: sqlTime(a.createdAt), id: a.id }));
  }

  /** Hall-wide notices and those of loaded departments: a removed plugin's notices vanish. */
  private onlyLoaded(q: SelectQueryBuilder<AnnouncementEntity>): void {
    const codes = this.departments.codes();
    if (codes.length === 0) q.andWhere("a.departmentCode IS NULL");
    else q.andWhere("(a.departmentCode IS NULL OR a.departmentCode IN (:...codes))", { codes });
  }

  private known(item: AnnouncementEntity): boolean {
    return item.departmentCode === null || this.departments.has(item.departmentCode);
  }
}

function assertMayEdit(actor: Actor, department: string | null): void {
  if (actor.role === Role.ADMIN) return;
  if (department === null) throw new ForbiddenError("Only an administrator publishes hall-wide announcements.");
  if (actor.role === Role.STAFF && actor.department === department) return;
  throw new ForbiddenError("Only the department's staff and administrators edit its announcements.");
}

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw new BadInputError(field, `${field} is 1 to ${max} characters.`);
  return trimmed;
}

function order(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_ANNOUNCEMENT_ORDER) {
    throw new BadInputError("order", `order is a whole number from 0 to ${MAX_ANNOUNCEMENT_ORDER}; lower shows first.`);
  }
  return value;
}

/** A window that ends after it starts and after now: a notice nobody could ever see is refused. */
function validity(validFrom: Date, validTo: Date | null, now: Date | null) {
  if (Number.isNaN(validFrom.getTime())) throw new BadInputError("validFrom", "validFrom is not a valid time.");
  if (validTo) {
    if (Number.isNaN(validTo.getTime())) throw new BadInputError("validTo", "validTo is not a valid time.");
    if (validTo.getTime() <= validFrom.getTime()) throw new BadInputError("validTo", "validTo must be after validFrom.");
    if (now && validTo.getTime() <= now.getTime()) throw new BadInputError("validTo", "validTo is in the past.");
  }
  return { validFrom, validTo };
}

function splitKey(key: string): [number, string] {
  const bar = key.indexOf("|");
  const sortOrder = Number(key.slice(0, bar));
  if (bar < 0 || !Number.isInteger(sortOrder)) {
    throw new BadInputError("after", "The cursor is not one this server gave out.");
  }
  return [sortOrder, key.slice(bar + 1)];
}
