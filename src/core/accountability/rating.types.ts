import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum RatingLevelValue {
  VERY_SATISFIED = "VERY_SATISFIED",
  SATISFIED = "SATISFIED",
  BASIC = "BASIC",
  DISSATISFIED = "DISSATISFIED",
  VERY_DISSATISFIED = "VERY_DISSATISFIED",
}
registerEnumType(RatingLevelValue, {
  name: "RatingLevel",
  description: "The five levels of 好差评, best first.",
  valuesConfig: {
    VERY_SATISFIED: { description: "非常满意: very satisfied." },
    SATISFIED: { description: "满意: satisfied." },
    BASIC: { description: "基本满意: basically satisfied." },
    DISSATISFIED: { description: "不满意: dissatisfied; opens a follow-up." },
    VERY_DISSATISFIED: { description: "非常不满意: very dissatisfied; opens a follow-up." },
  },
});

export enum RatingReasonValue {
  ATTITUDE = "ATTITUDE",
  UNFAMILIAR = "UNFAMILIAR",
  SLOW = "SLOW",
  OTHER = "OTHER",
}
registerEnumType(RatingReasonValue, {
  name: "RatingReason",
  description: "What went wrong, as the student sees it.",
  valuesConfig: {
    ATTITUDE: { description: "The manner of the person serving." },
    UNFAMILIAR: { description: "They did not know the business well." },
    SLOW: { description: "It took too long." },
    OTHER: { description: "Something else; say what in the comment." },
  },
});

@InputType({ description: "A rating of one completed visit: a ticket or a case, not both." })
export class RateServiceInput {
  @Field(() => ID, { nullable: true, description: "The completed ticket rated." })
  @IsOptional()
  @MaxLength(36)
  ticketId?: string;

  @Field(() => ID, { nullable: true, description: "The closed case rated." })
  @IsOptional()
  @MaxLength(36)
  caseId?: string;

  @Field(() => RatingLevelValue, { description: "How satisfied the student was." })
  @IsIn(Object.values(RatingLevelValue))
  level!: RatingLevelValue;

  @Field(() => [RatingReasonValue], { nullable: true, description: "What went wrong, if anything." })
  @IsOptional()
  @ArrayMaxSize(4)
  @ArrayUnique()
  reasons?: RatingReasonValue[];

  @Field(() => String, { nullable: true, description: "A comment, at most 500 characters." })
  @IsOptional()
  @MaxLength(500)
  comment?: string;
}

@ObjectType("Rating", { description: "A student's rating of a visit, tied to window, department and badge." })
export class RatingView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => RatingLevelValue, { description: "The level given." })
  level!: RatingLevelValue;

  @Field(() => [RatingReasonValue], { description: "Reasons given; empty when none." })
  reasons!: RatingReasonValue[];

  @Field(() => String, { nullable: true, description: "The student's comment." })
  comment!: string | null;

  @Field({ description: "The department answerable for the visit." })
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: "The window, for a ticket (or a case from one)." })
  windowNumber!: string | null;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who served or first received the student." })
  badgeNo!: string | null;

  @Field(() => ID, { nullable: true, description: "The ticket rated." })
  ticketId!: string | null;

  @Field(() => ID, { nullable: true, description: "The case rated." })
  caseId!: string | null;

  @Field({ description: "When it was given (UTC)." })
  ratedAt!: Date;
}
