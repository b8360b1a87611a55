import { IsOptional } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import { assertActsForDepartment, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import { sqlTime } from "../database/time";
import type { HallContext } from "../server/hall-context";
import { keysetPage } from "../common/pagination";
import { RatingEntity } from "./rating.entity";
import { RateServiceInput, RatingLevelValue, RatingView } from "./rating.types";
import { OVERSEEING, VISITING } from "./roles";

const RatingPage = PageOf(RatingView, "Rating");

@ArgsType()
class RatingsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Department code; staff see only their own." })
  @IsOptional()
  department?: string;

  @Field(() => String, { nullable: true, description: "Only ratings of this badge." })
  @IsOptional()
  badgeNo?: string;

  @Field(() => RatingLevelValue, { nullable: true, description: "Only ratings at this level." })
  @IsOptional()
  level?: RatingLevelValue;

  @Field(() => Date, { nullable: true, description: "Only ratings given at or after this time." })
  @IsOptional()
  since?: Date;
}

@Resolver(() => RatingView)
export class RatingResolver {
  @Authorized(...VISITING)
  @Mutation(() => RatingView, {
    description:
      "Rates a completed ticket or a closed case, once, by its own student. A DISSATISFIED or worse rating opens a follow-up for the department.",
  })
  rateService(@Arg("input") input: RateServiceInput, @Ctx() context: HallContext) {
    return context.services.ratings.rate(requireActor(context), input);
  }

  @Authorized(...OVERSEEING)
  @Query(() => RatingPage, {
    description: "Ratings, newest first: per department, per badge. Staff see their department's.",
  })
  ratings(@Args() args: RatingsArgs, @Ctx() context: HallContext): Promise<Page<RatingEntity>> {
    const actor = requireActor(context);
    if (args.department) {
      context.services.departments.get(args.department);
      assertActsForDepartment(actor, args.department);
    }
    const department = actor.role === Role.STAFF ? actor.department : (args.department ?? null);
    const query = context.services.database.manager.createQueryBuilder(RatingEntity, "r");
    if (department) query.andWhere("r.departmentCode = :department", { department });
    if (args.badgeNo) query.andWhere("r.badgeNo = :badgeNo", { badgeNo: args.badgeNo });
    if (args.level) query.andWhere("r.level = :level", { level: args.level });
    if (args.since) query.andWhere("r.ratedAt >= :since", { since: sqlTime(args.since) });
    return keysetPage(query, "ratedAt", "DESC", args);
  }
}
