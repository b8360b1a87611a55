import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageOf } from "../../../core";

export enum SignUpStatusValue {
  CONFIRMED = "CONFIRMED",
  WAITING = "WAITING",
  CANCELLED = "CANCELLED",
}
registerEnumType(SignUpStatusValue, {
  name: "ActivitySignUpStatus",
  description: "Where a sign-up for an activity stands.",
  valuesConfig: {
    CONFIRMED: { description: "The student has a place." },
    WAITING: { description: "On the waiting list; moves up when a place is given up." },
    CANCELLED: { description: "Given up; no longer counts." },
  },
});

@ObjectType({ description: "An activity the Youth League Committee runs in the hall (活动交流)." })
export class LeagueActivity {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "What it is called." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What it is about." })
  description!: string | null;

  @Field({ description: "Where it takes place." })
  place!: string;

  @Field({ description: "When it starts (UTC); sign-ups close then." })
  startsAt!: Date;

  @Field({ description: "When it ends (UTC)." })
  endsAt!: Date;

  @Field(() => Int, { description: "Places in all." })
  capacity!: number;

  @Field(() => Int, { description: "Places taken." })
  confirmed!: number;

  @Field(() => Int, { description: "Students on the waiting list." })
  waiting!: number;
}

export const LeagueActivityPage = PageOf(LeagueActivity, "LeagueActivity");

@ObjectType({ description: "A student's place at an activity, or on its waiting list." })
export class ActivitySignUp {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  /** Not in the schema: the `activity` field loads it. */
  activityId!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field({ description: "The student's name, as on the check-in sheet." })
  studentName!: string;

  @Field(() => SignUpStatusValue, { description: "Where it stands." })
  status!: SignUpStatusValue;

  @Field({ description: "Whether the place came from the waiting list after a cancellation." })
  promoted!: boolean;

  @Field({ description: "When the student signed up (UTC)." })
  signedUpAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the place was given (UTC)." })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was cancelled (UTC)." })
  cancelledAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the student was checked in at the activity (UTC)." })
  checkedInAt!: Date | null;
}

export const ActivitySignUpPage = PageOf(ActivitySignUp, "ActivitySignUp");

@InputType({ description: "A new activity." })
export class PublishLeagueActivityInput {
  @Field({ description: "What it is called: 1 to 100 characters." })
  @Length(1, 100)
  title!: string;

  @Field(() => String, { nullable: true, description: "What it is about: up to 2000 characters." })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field({ description: "Where: 1 to 100 characters." })
  @Length(1, 100)
  place!: string;

  @Field({ description: "When it starts (UTC); in the future." })
  startsAt!: Date;

  @Field({ description: "When it ends (UTC); after the start, within seven days." })
  endsAt!: Date;

  @Field(() => Int, { description: "Places: 1 to 5000." })
  capacity!: number;
}

@ObjectType({ description: "Volunteer service a student gave at one activity." })
export class LeagueVolunteerHoursEntry {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  /** Not in the schema: the `activity` field loads it. */
  activityId!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field(() => Float, { description: "Hours of service, in half hours." })
  hours!: number;

  @Field(() => String, { nullable: true, description: "What the student did." })
  note!: string | null;

  @Field({ description: "When League staff recorded it (UTC)." })
  recordedAt!: Date;
}

export const LeagueVolunteerHoursPage = PageOf(LeagueVolunteerHoursEntry, "LeagueVolunteerHoursEntry");

@ObjectType({ description: "A student's volunteer service: the total and its entries." })
export class LeagueVolunteerRecord {
  /** Not in the schema: the nested fields need it. */
  studentAccountId!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;
}

@InputType({ description: "Hours a student served at an activity." })
export class RecordVolunteerHoursInput {
  @Field(() => ID, { description: "The activity." })
  activityId!: string;

  @Field({ description: "The student's number." })
  @Length(1, 32)
  studentNo!: string;

  @Field(() => Float, { description: "Hours: 0.5 to 24, in half hours." })
  hours!: number;

  @Field(() => String, { nullable: true, description: "What the student did: up to 200 characters." })
  @IsOptional()
  @MaxLength(200)
  note?: string | null;
}

@ObjectType({ description: "Something the charity desk lends free of charge (爱心服务)." })
export class CharityItem {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "What it is, e.g. 爱心雨伞." })
  name!: string;

  @Field(() => String, { nullable: true, description: "More about it." })
  description!: string | null;

  @Field(() => Int, { description: "How many are on the shelf now." })
  stock!: number;

  @Field(() => Int, { description: "Days a borrower may keep one." })
  loanDays!: number;
}

export const CharityItemPage = PageOf(CharityItem, "CharityItem");

@InputType({ description: "A new item for the charity desk." })
export class AddCharityItemInput {
  @Field({ description: "What it is: 1 to 100 characters, unique." })
  @Length(1, 100)
  name!: string;

  @Field(() => String, { nullable: true, description: "More about it: up to 500 characters." })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => Int, { description: "How many the desk has: 0 to 10000." })
  stock!: number;

  @Field(() => Int, { description: "Days a borrower may keep one: 1 to 90." })
  loanDays!: number;
}

@ObjectType({ description: "One charity item lent to one student." })
export class CharityLoan {
  @Field(() => ID, { description: "Opaque id, for the return." })
  id!: string;

  /** Not in the schema: the `item` field loads it. */
  itemId!: string;

  @Field({ description: "The borrower's student number." })
  studentNo!: string;

  @Field({ description: "When it was lent (UTC)." })
  lentAt!: Date;

  @Field({ description: "When it is due back (UTC)." })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it came back (UTC); null while out." })
  returnedAt!: Date | null;
}

export const CharityLoanPage = PageOf(CharityLoan, "CharityLoan");
