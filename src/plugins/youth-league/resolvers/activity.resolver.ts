import { IsOptional } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { type HallContext, type Page, PageArgs, Public, requestLoader, requireActor, Role } from "../../../core";
import type { ActivitySignUpEntity } from "../entities/activity-sign-up.entity";
import type { LeagueActivityEntity } from "../entities/league-activity.entity";
import { activityService } from "../services/activity.service";
import {
  ActivitySignUp,
  ActivitySignUpPage,
  LeagueActivity,
  LeagueActivityPage,
  PublishLeagueActivityInput,
  SignUpStatusValue,
} from "./league.types";
import { MANAGE } from "./permissions";

@ArgsType()
class ActivitiesArgs extends PageArgs {
  @Field({ defaultValue: false, description: "Include activities that are over." })
  includePast!: boolean;
}

@ArgsType()
class SignUpsArgs extends PageArgs {
  @Field(() => ID, { description: "The activity." })
  activityId!: string;

  @Field(() => SignUpStatusValue, { nullable: true, description: "Only sign-ups in this state." })
  @IsOptional()
  status?: SignUpStatusValue;
}

@Resolver(() => LeagueActivity)
export class LeagueActivityResolver {
  @Public()
  @Query(() => LeagueActivityPage, {
    description: "The League's activities by start time; those not over unless asked.",
  })
  leagueActivities(@Args() args: ActivitiesArgs, @Ctx() context: HallContext): Promise<Page<LeagueActivityEntity>> {
    return activityService(context.services).list(args.includePast, args.first, args.after);
  }

  @Public()
  @Query(() => LeagueActivity, { description: "One activity; NOT_FOUND when there is none." })
  leagueActivity(
    @Arg("id", () => ID, { description: "The activity's id." }) id: string,
    @Ctx() context: HallContext,
  ) {
    return activityService(context.services).get(id);
  }

  @Authorized(MANAGE)
  @Mutation(() => LeagueActivity, { description: "Publishes an activity with its places and times. League staff." })
  publishLeagueActivity(@Arg("input") input: PublishLeagueActivityInput, @Ctx() context: HallContext) {
    return activityService(context.services).publish(requireActor(context), input);
  }

  @FieldResolver(() => ActivitySignUp, {
    nullable: true,
    description: "The signed-in student's standing sign-up for it; null for others and when none.",
  })
  mySignUp(@Root() activity: LeagueActivityEntity, @Ctx() context: HallContext) {
    const actor = context.actor;
    if (actor?.role !== Role.STUDENT) return null;
    return requestLoader<string, ActivitySignUpEntity | null>(context, "youth-league.mySignUp", async (ids) => {
      const standing = await activityService(context.services).standingFor(actor.accountId, ids);
      return ids.map((id) => standing.get(id) ?? null);
    }).load(activity.id);
  }
}

@Resolver(() => ActivitySignUp)
export class ActivitySignUpResolver {
  @Authorized(Role.STUDENT, Role.VOLUNTEER, Role.STAFF, Role.ADMIN)
  @Mutation(() => ActivitySignUp, {
    description:
      "Signs up for an activity: a place while places are left, else the waiting list. " +
      "A student signs up themselves; the League's window may sign up a student by number.",
  })
  signUpForActivity(
    @Arg("activityId", () => ID, { description: "The activity." }) activityId: string,
    @Arg("studentNo", () => String, { nullable: true, description: "For the League's window: the student's number." })
    studentNo: string | null,
    @Ctx() context: HallContext,
  ) {
    return activityService(context.services).signUp(requireActor(context), activityId, studentNo);
  }

  @Authorized(Role.STUDENT, Role.VOLUNTEER, Role.STAFF, Role.ADMIN)
  @Mutation(() => ActivitySignUp, {
    description:
      "Cancels a sign-up before the activity starts; a place given up goes at once to the first " +
      "student waiting. A student cancels their own; the League's window any.",
  })
  cancelActivitySignUp(
    @Arg("signUpId", () => ID, { description: "The sign-up." }) signUpId: string,
    @Ctx() context: HallContext,
  ) {
    return activityService(context.services).cancel(requireActor(context), signUpId);
  }

  @Authorized(MANAGE)
  @Mutation(() => ActivitySignUp, {
    description:
      "Checks a student with a place in at the activity, from an hour before it starts until it ends. League staff.",
  })
  checkInToActivity(
    @Arg("activityId", () => ID, { description: "The activity." }) activityId: string,
    @Arg("studentNo", { description: "The student's number." }) studentNo: string,
    @Ctx() context: HallContext,
  ) {
    return activityService(context.services).checkIn(requireActor(context), activityId, studentNo);
  }

  @Authorized(Role.STUDENT)
  @Query(() => ActivitySignUpPage, { description: "The signed-in student's sign-ups, newest first." })
  myActivitySignUps(@Args() page: PageArgs, @Ctx() context: HallContext): Promise<Page<ActivitySignUpEntity>> {
    return activityService(context.services).mine(requireActor(context), page.first, page.after);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => ActivitySignUpPage, { description: "An activity's sign-ups in the order they came. League staff." })
  activitySignUps(@Args() args: SignUpsArgs, @Ctx() context: HallContext): Promise<Page<ActivitySignUpEntity>> {
    return activityService(context.services).ofActivity(
      requireActor(context),
      args.activityId,
      args.status ?? null,
      args.first,
      args.after,
    );
  }

  @FieldResolver(() => LeagueActivity, { description: "The activity signed up for." })
  activity(@Root() signUp: ActivitySignUpEntity, @Ctx() context: HallContext) {
    return activityLoader(context).load(signUp.activityId);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Place on the waiting list while waiting (1 moves up next); null otherwise.",
  })
  waitingPosition(@Root() signUp: ActivitySignUpEntity, @Ctx() context: HallContext) {
    const loader = requestLoader<ActivitySignUpEntity, number | null>(
      context,
      "youth-league.waitingPosition",
      async (rows) => {
        const positions = await activityService(context.services).waitingPositions(rows);
        return rows.map((row) => positions.get(row.id) ?? null);
      },
    );
    return loader.load(signUp);
  }
}

/** Activities by id, batched for the request. */
export function activityLoader(context: HallContext) {
  return requestLoader<string, LeagueActivityEntity>(context, "youth-league.activityById", async (ids) => {
    const found = await activityService(context.services).byIds(ids);
    return ids.map((id) => found.get(id) ?? new Error(`activity ${id} is gone`));
  });
}
