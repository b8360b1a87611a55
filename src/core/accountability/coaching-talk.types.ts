import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum CoachingOutcomeValue {
  KEEP = "KEEP",
  WATCH = "WATCH",
  REPLACE = "REPLACE",
}
registerEnumType(CoachingOutcomeValue, {
  name: "CoachingOutcome",
  description: "How a coaching talk ended.",
  valuesConfig: {
    KEEP: { description: "Stays on duty as before." },
    WATCH: { description: "Stays on duty, watched more closely." },
    REPLACE: { description: "Taken off window duty until an admin reinstates them." },
  },
});

@ObjectType("CoachingTalk", { description: "A coaching talk (诫勉谈话) with a volunteer." })
export class CoachingTalkView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "Badge of the volunteer." })
  badgeNo!: string;

  @Field({ description: "When it was held (UTC)." })
  heldAt!: Date;

  @Field(() => String, { nullable: true, description: "The department whose people took part." })
  departmentCode!: string | null;

  @Field(() => [String], { description: "Who took part." })
  participants!: string[];

  @Field({ description: "What was said and agreed." })
  notes!: string;

  @Field(() => CoachingOutcomeValue, { description: "How it ended." })
  outcome!: CoachingOutcomeValue;

  @Field({ description: "When it was written down (UTC)." })
  recordedAt!: Date;
}

@InputType({ description: "A coaching talk to write down." })
export class RecordCoachingTalkInput {
  @Field({ description: "Badge of the volunteer." })
  @Length(1, 32)
  badgeNo!: string;

  @Field({ description: "When it was held (UTC); not in the future." })
  @IsDate()
  heldAt!: Date;

  @Field(() => String, { nullable: true, description: "The department whose people took part." })
  @IsOptional()
  @MaxLength(32)
  department?: string;

  @Field(() => [String], { description: "Who took part: 1 to 10 names with their roles." })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Length(1, 100, { each: true })
  participants!: string[];

  @Field({ description: "What was said and agreed: 1 to 4000 characters." })
  @Length(1, 4000)
  notes!: string;

  @Field(() => CoachingOutcomeValue, { description: "How it ended." })
  @IsIn(Object.values(CoachingOutcomeValue))
  outcome!: CoachingOutcomeValue;
}
