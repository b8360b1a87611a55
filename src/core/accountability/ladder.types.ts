import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum LadderRuleValue {
  BAD_RATINGS = "BAD_RATINGS",
  UPHELD_COMPLAINTS = "UPHELD_COMPLAINTS",
}
registerEnumType(LadderRuleValue, {
  name: "LadderRule",
  description: "The rule of the accountability ladder that flagged a volunteer.",
  valuesConfig: {
    BAD_RATINGS: { description: "LADDER_BAD_RATINGS bad ratings among the last LADDER_WINDOW." },
    UPHELD_COMPLAINTS: { description: "LADDER_UPHELD_COMPLAINTS upheld complaints within LADDER_UPHELD_DAYS days." },
  },
});

@ObjectType("VolunteerFlag", { description: "A volunteer flagged by the ladder; a coaching talk answers it." })
export class VolunteerFlagView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer." })
  badgeNo!: string | null;

  @Field(() => LadderRuleValue, { description: "The rule that flagged them." })
  rule!: LadderRuleValue;

  @Field({ description: "What tripped the rule." })
  detail!: string;

  @Field({ description: "When (UTC)." })
  raisedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When a coaching talk answered it (UTC)." })
  clearedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: "The coaching talk that answered it." })
  talkId!: string | null;
}

@ObjectType("VolunteerStanding", { description: "Where a volunteer stands on the accountability ladder now." })
export class VolunteerStandingView {
  @Field({ description: "Badge of the volunteer." })
  badgeNo!: string;

  @Field({ description: "True while a REPLACE outcome keeps them off window duty." })
  offDuty!: boolean;

  @Field(() => Date, { nullable: true, description: "Since when they are off duty (UTC)." })
  offDutySince!: Date | null;

  @Field(() => [VolunteerFlagView], { description: "Flags no coaching talk has answered yet." })
  openFlags!: VolunteerFlagView[];
}
