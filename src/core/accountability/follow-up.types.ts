import { IsBoolean, Length } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { RatingLevelValue } from "./rating.types";

@ObjectType("FollowUp", { description: "A department's follow-up of a dissatisfied rating." })
export class FollowUpView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => ID, { description: "The rating followed up." })
  ratingId!: string;

  @Field({ description: "The department that owes it." })
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer concerned." })
  badgeNo!: string | null;

  @Field(() => String, { nullable: true, description: "The student to call back, when known." })
  studentNo!: string | null;

  @Field({ description: "When it was opened (UTC)." })
  openedAt!: Date;

  @Field({ description: "When it is due (UTC): the configured working days after the rating." })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was recorded as done (UTC)." })
  doneAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the student was reached on the call back." })
  calledBack!: boolean | null;

  @Field(() => String, { nullable: true, description: "What was done to put it right." })
  action!: string | null;
}

@ObjectType({ description: "The rating a follow-up answers, as the department sees it." })
export class FollowUpRating {
  @Field(() => RatingLevelValue, { description: "The level given." })
  level!: RatingLevelValue;

  @Field(() => String, { nullable: true, description: "The student's comment." })
  comment!: string | null;
}

@InputType({ description: "What the department did about a dissatisfied rating." })
export class RecordFollowUpInput {
  @Field({ description: "Whether the student was reached on the call back." })
  @IsBoolean()
  calledBack!: boolean;

  @Field({ description: "What was done to put it right: 1 to 2000 characters." })
  @Length(1, 2000)
  action!: string;
}
