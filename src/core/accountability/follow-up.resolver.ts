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
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { In } from "typeorm";
import { assertActsForDepartment, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { requestLoader } from "../common/loaders";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import { sqlTime } from "../database/time";
import type { HallContext } from "../server/hall-context";
import { FollowUpEntity } from "./follow-up.entity";
import { FollowUpRating, FollowUpView, RecordFollowUpInput } from "./follow-up.types";
import { keysetPage } from "../common/pagination";
import { RatingEntity } from "./rating.entity";
import { OVERSEEING } from "./roles";

const FollowUpPage = PageOf(FollowUpView, "FollowUp");

@ArgsType()
class FollowUpsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Department code; staff see only their own." })
  @IsOptional()
  department?: string;

  @Field(() => Boolean, { nullable: true, description: "True: only those not yet done; false: only those done." })
  @IsOptional()
  open?: boolean;

  @Field(() => Boolean, { nullable: true, description: "True: only those past their due time and not done." })
  @IsOptional()
  overdue?: boolean;
}

@Resolver(() => FollowUpView)
export class FollowUpResolver {
  @Authorized(...OVERSEEING)
  @Mutation(() => FollowUpView, {
    description: "Records the call back and what was done. The department's staff, supervisors or admins; once.",
  })
  recordFollowUp(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: RecordFollowUpInput,
    @Ctx() context: HallContext,
  ) {
    return context.services.followUps.record(requireActor(context), id, input);
  }

  @Authorized(...OVERSEEING)
  @Query(() => FollowUpPage, { description: "Follow-ups of dissatisfied ratings, soonest due first." })
  followUps(@Args() args: FollowUpsArgs, @Ctx() context: HallContext): Promise<Page<FollowUpEntity>> {
    const actor = requireActor(context);
    if (args.department) {
      context.services.departments.get(args.department);
      assertActsForDepartment(actor, args.department);
    }
    const department = actor.role === Role.STAFF ? actor.department : (args.department ?? null);
    const query = context.services.database.manager.createQueryBuilder(FollowUpEntity, "f");
    if (department) query.andWhere("f.departmentCode = :department", { department });
    if (args.open === true) query.andWhere("f.doneAt IS NULL");
    if (args.open === false) query.andWhere("f.doneAt IS NOT NULL");
    if (args.overdue) {
      query.andWhere("f.doneAt IS NULL AND f.dueAt < :now", { now: sqlTime(context.services.clock.now()) });
    }
    return keysetPage(query, "dueAt", "ASC", args);
  }

  @FieldResolver(() => Boolean, { description: "Not done and past its due time." })
  overdue(@Root() followUp: FollowUpEntity, @Ctx() { services }: HallContext): boolean {
    return !followUp.doneAt && followUp.dueAt.getTime() < services.clock.now().getTime();
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Whether it was done by its due time; null while open.",
  })
  doneOnTime(@Root() followUp: FollowUpEntity): boolean | null {
    return followUp.doneAt ? followUp.doneAt.getTime() <= followUp.dueAt.getTime() : null;
  }

  @FieldResolver(() => FollowUpRating, { description: "The rating it answers." })
  rating(@Root() followUp: FollowUpEntity, @Ctx() context: HallContext) {
    return requestLoader<string, RatingEntity>(context, "followUp.rating", async (ids) => {
      const rows = await context.services.database.manager.findBy(RatingEntity, { id: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.id === id) ?? new Error(`rating ${id} is missing`));
    }).load(followUp.ratingId);
  }
}
