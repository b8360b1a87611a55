import { ArgsType, Field, Float, Int, ObjectType } from "type-graphql";
import { ComplaintStatusValue } from "../accountability/complaint.types";
import { RatingLevelValue } from "../accountability/rating.types";

@ArgsType()
export class PeriodArgs {
  @Field({ description: "Start of the period (UTC), included." })
  from!: Date;

  @Field({ description: "End of the period (UTC), excluded; at most 366 days after `from`." })
  to!: Date;
}

@ObjectType({ description: "How many ratings at one level." })
export class RatingCount {
  @Field(() => RatingLevelValue, { description: "The level." })
  level!: RatingLevelValue;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@ObjectType({ description: "How many complaints stand in one state." })
export class ComplaintCount {
  @Field(() => ComplaintStatusValue, { description: "The state now." })
  status!: ComplaintStatusValue;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@ObjectType("Figures", {
  description:
    "Figures for a dashboard over a period: the queue, cases, ratings, complaints and follow-ups. Tickets count by when they were taken, cases by when they were opened, closed or due, ratings, complaints and follow-ups by when they were given, filed or opened.",
})
export class FiguresView {
  @Field({ description: "Start of the period (UTC), included." })
  from!: Date;

  @Field({ description: "End of the period (UTC), excluded." })
  to!: Date;

  @Field(() => String, { nullable: true, description: "The department, for one department's figures." })
  department!: string | null;

  @Field(() => String, { nullable: true, description: "The badge, for one volunteer's figures." })
  badgeNo!: string | null;

  @Field(() => Int, { description: "Queue numbers taken." })
  ticketsTaken!: number;

  @Field(() => Int, { description: "Of those, served to completion." })
  ticketsServed!: number;

  @Field(() => Int, { description: "Of those, called but the student did not come." })
  noShows!: number;

  @Field(() => Int, { description: "Of those, given up by the student." })
  ticketsCancelled!: number;

  @Field(() => Int, { nullable: true, description: "Median seconds from taking a number to its first call." })
  waitMedianSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: "90th percentile (nearest rank) of the same wait, in seconds." })
  waitP90Seconds!: number | null;

  @Field(() => Int, { nullable: true, description: "Median seconds at the window, for completed tickets." })
  serviceMedianSeconds!: number | null;

  @Field(() => Int, { description: "Cases opened." })
  casesOpened!: number;

  @Field(() => Int, { description: "Cases closed." })
  casesClosed!: number;

  @Field(() => Int, { description: "Cases whose due time fell in the period (up to now) and that were not closed by it." })
  casesOverdue!: number;

  @Field(() => Float, { nullable: true, description: "Of cases closed with a due time, the share closed by it (0 to 1)." })
  caseOnTimeRate!: number | null;

  @Field(() => Int, { description: "Ratings given." })
  ratingCount!: number;

  @Field(() => [RatingCount], { description: "Ratings per level, all five levels, best first." })
  ratings!: RatingCount[];

  @Field(() => Float, { nullable: true, description: "Share of ratings DISSATISFIED or VERY_DISSATISFIED (0 to 1)." })
  badRatingRate!: number | null;

  @Field(() => Int, { description: "Complaints filed." })
  complaintsFiled!: number;

  @Field(() => [ComplaintCount], { description: "Those complaints by their state now, all five states." })
  complaintsByState!: ComplaintCount[];

  @Field(() => Int, { description: "Follow-ups opened by bad ratings." })
  followUpsOpened!: number;

  @Field(() => Int, { description: "Of those, done." })
  followUpsDone!: number;

  @Field(() => Int, { description: "Of those, done by their due time." })
  followUpsDoneOnTime!: number;

  @Field(() => Int, { description: "Of those, not done and past their due time now." })
  followUpsOverdue!: number;

  @Field(() => Float, { nullable: true, description: "Of follow-ups done, the share done on time (0 to 1)." })
  followUpOnTimeRate!: number | null;
}

@ObjectType("HallStats", { description: "The hall's figures over a period, in total and per department." })
export class HallStatsView {
  @Field(() => FiguresView, { description: "The whole hall." })
  hall!: FiguresView;

  @Field(() => [FiguresView], { description: "Each loaded department, in registry order." })
  departments!: FiguresView[];
}
