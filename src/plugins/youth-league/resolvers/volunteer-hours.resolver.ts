import { Arg, Args, Authorized, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from "type-graphql";
import { type HallContext, type Page, PageArgs, requireActor, Role } from "../../../core";
import type { VolunteerHoursEntity } from "../entities/volunteer-hours.entity";
import { assertLeagueStaff, studentByNo } from "../services/league-access";
import { volunteerHoursService } from "../services/volunteer-hours.service";
import { activityLoader } from "./activity.resolver";
import {
  LeagueActivity,
  LeagueVolunteerHoursEntry,
  LeagueVolunteerHoursPage,
  LeagueVolunteerRecord,
  RecordVolunteerHoursInput,
} from "./league.types";
import { MANAGE } from "./permissions";

@Resolver(() => LeagueVolunteerRecord)
export class VolunteerRecordResolver {
  @Authorized(Role.STUDENT)
  @Query(() => LeagueVolunteerRecord, { description: "The signed-in student's volunteer service hours." })
  myVolunteerHours(@Ctx() context: HallContext): LeagueVolunteerRecord {
    const actor = requireActor(context);
    return { studentAccountId: actor.accountId, studentNo: actor.studentNo ?? "" };
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => LeagueVolunteerRecord, { description: "A student's volunteer service hours. League staff." })
  async volunteerHoursOf(
    @Arg("studentNo", { description: "The student's number." }) studentNo: string,
    @Ctx() context: HallContext,
  ): Promise<LeagueVolunteerRecord> {
    assertLeagueStaff(requireActor(context), true);
    const student = await studentByNo(context.services, studentNo);
    return { studentAccountId: student.accountId, studentNo: student.studentNo };
  }

  @Authorized(MANAGE)
  @Mutation(() => LeagueVolunteerHoursEntry, {
    description:
      "Records the hours a student served at an activity, once it has begun; one entry per student " +
      "and activity. League staff.",
  })
  async recordVolunteerHours(
    @Arg("input") input: RecordVolunteerHoursInput,
    @Ctx() context: HallContext,
  ): Promise<LeagueVolunteerHoursEntry> {
    return entryView(await volunteerHoursService(context.services).record(requireActor(context), input));
  }

  @FieldResolver(() => Float, { description: "All hours recorded for the student." })
  async totalHours(@Root() record: LeagueVolunteerRecord, @Ctx() context: HallContext): Promise<number> {
    return (await volunteerHoursService(context.services).totalMinutes(record.studentAccountId)) / 60;
  }

  @FieldResolver(() => LeagueVolunteerHoursPage, { description: "The entries, newest first." })
  async entries(
    @Root() record: LeagueVolunteerRecord,
    @Args() page: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<LeagueVolunteerHoursEntry>> {
    const hours = volunteerHoursService(context.services);
    const found = await hours.entries(record.studentAccountId, page.first, page.after);
    return { ...found, nodes: found.nodes.map(entryView) };
  }
}

@Resolver(() => LeagueVolunteerHoursEntry)
export class VolunteerHoursEntryResolver {
  @FieldResolver(() => LeagueActivity, { description: "The activity served at." })
  activity(@Root() entry: LeagueVolunteerHoursEntry, @Ctx() context: HallContext) {
    return activityLoader(context).load(entry.activityId);
  }
}

function entryView(entry: VolunteerHoursEntity): LeagueVolunteerHoursEntry {
  return {
    id: entry.id,
    activityId: entry.activityId,
    studentNo: entry.studentNo,
    hours: entry.minutes / 60,
    note: entry.note,
    recordedAt: entry.recordedAt,
  };
}
