import { IsOptional, Length } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { type HallContext, type Page, PageArgs, PageOf, requireActor } from "../../../core";
import type { EvaluationBookletReplacementEntity } from "../entities/evaluation-booklet-replacement.entity";
import { DESK } from "../permissions";
import { studentAffairs } from "../services/student-affairs";
import { READERS, STUDENTS } from "./student-id.resolver";

@ObjectType({ description: "A comprehensive-evaluation booklet (综合测评本) replaced on the spot." })
export class EvaluationBookletReplacement {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field({ description: "Why it was replaced." })
  reason!: string;

  @Field(() => String, { nullable: true, description: "Receipt number of the fee; null if the service was free." })
  receiptNo!: string | null;

  @Field(() => Int, { description: "The fee paid, in fen (¥6 is 600)." })
  amountFen!: number;

  @Field({ description: "When the new booklet was handed out (UTC)." })
  handedOutAt!: Date;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who handed it out, if a volunteer did." })
  handedOutByBadgeNo!: string | null;
}

@ArgsType()
class BookletReplacementsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only this student's." })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string;
}

const EvaluationBookletReplacementPage = PageOf(EvaluationBookletReplacement, "EvaluationBookletReplacement");

@Resolver(() => EvaluationBookletReplacement)
export class EvaluationBookletResolver {
  @Authorized(DESK)
  @Mutation(() => EvaluationBookletReplacement, {
    description: "Hands out a new evaluation booklet and records its fee (¥6 a booklet) in one go.",
  })
  replaceEvaluationBooklet(
    @Arg("studentNo") studentNo: string,
    @Arg("reason", { description: "Why: lost, damaged, full; up to 200 characters." }) reason: string,
    @Ctx() context: HallContext,
  ) {
    return studentAffairs(context.services).booklets.replace(requireActor(context), studentNo, reason);
  }

  @Authorized(...STUDENTS)
  @Query(() => EvaluationBookletReplacementPage, { description: "The signed-in student's replacements, newest first." })
  myEvaluationBookletReplacements(
    @Args() args: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<EvaluationBookletReplacementEntity>> {
    return studentAffairs(context.services).booklets.mine(requireActor(context), args);
  }

  @Authorized(...READERS)
  @Query(() => EvaluationBookletReplacementPage, { description: "Replacements handed out, newest first." })
  evaluationBookletReplacements(
    @Args() args: BookletReplacementsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<EvaluationBookletReplacementEntity>> {
    return studentAffairs(context.services).booklets.list(requireActor(context), args.studentNo ?? null, args);
  }
}
