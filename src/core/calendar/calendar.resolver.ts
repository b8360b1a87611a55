import {
  Arg,
  Authorized,
  Ctx,
  Field,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from "type-graphql";
import { Public, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { BadInputError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import { assertLocalDate } from "./calendar.service";

export enum CalendarDayKindValue {
  CLOSED = "CLOSED",
  WORKDAY = "WORKDAY",
}

registerEnumType(CalendarDayKindValue, {
  name: "CalendarDayKind",
  description: "How a day departs from the weekly hours.",
  valuesConfig: {
    CLOSED: { description: "A holiday: the hall is closed." },
    WORKDAY: { description: "A make-up working day (调休): a weekend day worked like a weekday." },
  },
});

@ObjectType({ description: "The hall as a student sees it: open or not, and when it opens." })
export class Hall {
  @Field({ description: "True while the hall is open." })
  openNow!: boolean;

  @Field(() => Date, { nullable: true, description: "The start of the next opening period (UTC)." })
  nextOpening!: Date | null;

  @Field({ description: "The hall's time zone, e.g. Asia/Shanghai." })
  timeZone!: string;

  @Field({ description: "The weekly opening hours, e.g. Mon-Fri 09:00-19:30." })
  openingHours!: string;

  @Field({ description: "Today's date in the hall's time zone." })
  today!: string;

  @Field({ description: "True when today is a working day of the hall." })
  workingDay!: boolean;
}

@ObjectType({ description: "A day that departs from the weekly hours." })
export class CalendarDay {
  @Field({ description: "The day, YYYY-MM-DD in the hall's time zone." })
  date!: string;

  @Field(() => CalendarDayKindValue, { description: "Closed, or worked instead of a weekend." })
  kind!: CalendarDayKindValue;

  @Field({ description: "Why: the holiday's name or the holiday it makes up for." })
  name!: string;
}

@Resolver()
export class CalendarResolver {
  @Public()
  @Query(() => Hall, { description: "Whether the hall is open now, and when it opens next." })
  hall(@Ctx() { services }: HallContext): Hall {
    const now = services.clock.now();
    const calendar = services.calendar.calendar;
    // Getters: a board asking only for the time zone does not pay for the opening search.
    return {
      get openNow() {
        return calendar.isOpenAt(now);
      },
      get nextOpening() {
        return calendar.nextOpening(now);
      },
      timeZone: services.config.timeZone,
      openingHours: services.config.openingHoursText,
      get today() {
        return calendar.localDate(now);
      },
      get workingDay() {
        return calendar.isWorkingDay(calendar.localDate(now));
      },
    };
  }

  @Public()
  @Query(() => [CalendarDay], { description: "Holidays and make-up days between two dates (at most 400)." })
  calendarDays(
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() { services }: HallContext,
  ) {
    return services.calendar.days(from, to);
  }

  @Public()
  @Query(() => String, { description: "The n-th working day after a date, as due dates count." })
  workingDayAfter(
    @Arg("date") date: string,
    @Arg("days", () => Int) days: number,
    @Ctx() { services }: HallContext,
  ): string {
    assertLocalDate(date);
    assertYear(date, "date");
    assertDays(days);
    return services.calendar.calendar.addWorkingDays(date, days);
  }

  @Public()
  @Query(() => Int, { description: "Working days after `from` up to and including `to`." })
  workingDaysBetween(
    @Arg("from") from: string,
    @Arg("to") to: string,
    @Ctx() { services }: HallContext,
  ): number {
    assertLocalDate(from, "from");
    assertLocalDate(to, "to");
    assertSpan(from, to);
    return services.calendar.calendar.countWorkingDays(from, to);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CalendarDay, { description: "Marks a day closed or a make-up working day. Admins only." })
  setCalendarDay(
    @Arg("date") date: string,
    @Arg("kind", () => CalendarDayKindValue) kind: CalendarDayKindValue,
    @Arg("name") name: string,
    @Ctx() context: HallContext,
  ) {
    assertName(name);
    return context.services.calendar.setDay(requireActor(context).accountId, date, kind, name.trim());
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Removes a day's entry: it follows the weekly hours again." })
  clearCalendarDay(@Arg("date") date: string, @Ctx() context: HallContext): Promise<boolean> {
    return context.services.calendar.clearDay(requireActor(context).accountId, date);
  }
}

/** The count walks the calendar day by day; a span of centuries would hold the server up. */
const MAX_SPAN_DAYS = 3 * 366;

function assertSpan(from: string, to: string): void {
  assertYear(from, "from");
  assertYear(to, "to");
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (Math.abs(days) > MAX_SPAN_DAYS) {
    throw new BadInputError("to", `Count over at most ${MAX_SPAN_DAYS} days at a time.`);
  }
}

function assertYear(date: string, field: string): void {
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) throw new BadInputError(field, `${field} must lie between 2000 and 2100.`);
}

function assertDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new BadInputError("days", "days must be a whole number from 0 to 366.");
  }
}

function assertName(name: string): void {
  if (!name.trim() || name.length > 100) throw new BadInputError("name", "name must be 1 to 100 characters.");
}

