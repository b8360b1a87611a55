import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { ComplaintStatusValue } from "./complaint.types";
import { LadderRuleValue } from "./ladder.types";
import { RatingLevelValue } from "./rating.types";

export enum FeedEventKindValue {
  COMPLAINT_FILED = "COMPLAINT_FILED",
  COMPLAINT_STATUS_CHANGED = "COMPLAINT_STATUS_CHANGED",
  COMPLAINT_APPEALED = "COMPLAINT_APPEALED",
  APPEAL_DECIDED = "APPEAL_DECIDED",
  BAD_RATING = "BAD_RATING",
  VOLUNTEER_FLAGGED = "VOLUNTEER_FLAGGED",
  COACHING_TALK_RECORDED = "COACHING_TALK_RECORDED",
  VOLUNTEER_REINSTATED = "VOLUNTEER_REINSTATED",
  ACKNOWLEDGEMENT_MISSED = "ACKNOWLEDGEMENT_MISSED",
  CONCLUSION_MISSED = "CONCLUSION_MISSED",
  APPEAL_DECISION_MISSED = "APPEAL_DECISION_MISSED",
  FOLLOW_UP_MISSED = "FOLLOW_UP_MISSED",
  CASE_OVERDUE = "CASE_OVERDUE",
}
registerEnumType(FeedEventKindValue, {
  name: "ComplaintFeedEventKind",
  description: "What happened, in the supervisors' feed.",
  valuesConfig: {
    COMPLAINT_FILED: { description: "A new complaint." },
    COMPLAINT_STATUS_CHANGED: { description: "A complaint moved a step; `complaintStatus` says where." },
    COMPLAINT_APPEALED: { description: "A dismissed complaint was appealed." },
    APPEAL_DECIDED: { description: "An appeal was decided; `complaintStatus` says how." },
    BAD_RATING: { description: "A DISSATISFIED or VERY_DISSATISFIED rating; a follow-up was opened." },
    VOLUNTEER_FLAGGED: { description: "The accountability ladder flagged a volunteer." },
    COACHING_TALK_RECORDED: { description: "A coaching talk was written down." },
    VOLUNTEER_REINSTATED: { description: "An admin let a replaced volunteer back on duty." },
    ACKNOWLEDGEMENT_MISSED: { description: "A complaint was not acknowledged in time." },
    CONCLUSION_MISSED: { description: "A complaint was not concluded in time." },
    APPEAL_DECISION_MISSED: { description: "An appeal was not decided in time." },
    FOLLOW_UP_MISSED: { description: "A follow-up was not done in time." },
    CASE_OVERDUE: { description: "A case passed its due time unfinished." },
  },
});

@ObjectType("ComplaintFeedEvent", {
  description: "One event of the supervisors' live feed. Only the facts of its kind are set; the rest are null.",
})
export class FeedEventView {
  @Field(() => FeedEventKindValue, { description: "What happened." })
  kind!: FeedEventKindValue;

  @Field({ description: "When (UTC)." })
  at!: Date;

  @Field({ description: "One line for the feed." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "The department concerned." })
  department!: string | null;

  @Field(() => String, { nullable: true, description: "The badge concerned." })
  badgeNo!: string | null;

  @Field(() => ID, { nullable: true, description: "The complaint; read it with `complaint(id)`." })
  complaintId!: string | null;

  @Field(() => ComplaintStatusValue, { nullable: true, description: "The complaint's state after the event." })
  complaintStatus!: ComplaintStatusValue | null;

  @Field(() => ID, { nullable: true, description: "The rating." })
  ratingId!: string | null;

  @Field(() => RatingLevelValue, { nullable: true, description: "The rating's level." })
  ratingLevel!: RatingLevelValue | null;

  @Field(() => ID, { nullable: true, description: "The follow-up." })
  followUpId!: string | null;

  @Field(() => ID, { nullable: true, description: "The case." })
  caseId!: string | null;

  @Field(() => LadderRuleValue, { nullable: true, description: "The ladder rule that flagged a volunteer." })
  flagRule!: LadderRuleValue | null;
}
