import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum DormitoryRequestKindValue {
  REGISTRATION = "REGISTRATION",
  ROOM_CHANGE = "ROOM_CHANGE",
  MOVE_OUT = "MOVE_OUT",
  OFF_CAMPUS_STAY = "OFF_CAMPUS_STAY",
}
registerEnumType(DormitoryRequestKindValue, {
  name: "DormitoryRequestKind",
  description: "The four dormitory requests of the student community.",
  valuesConfig: {
    REGISTRATION: { description: "备案寝室: registering who lives in a room and until when (e.g. over a vacation)." },
    ROOM_CHANGE: { description: "寝室更换: moving to another room or bed." },
    MOVE_OUT: { description: "退宿: leaving the dormitory; completed once the room is checked and the keys are back." },
    OFF_CAMPUS_STAY: { description: "短期外宿: sleeping off campus for a short while, with a return date." },
  },
});

export enum DormitoryRequestStatusValue {
  SUBMITTED = "SUBMITTED",
  APPROVED = "APPROVED",
  REFUSED = "REFUSED",
  COMPLETED = "COMPLETED",
}
registerEnumType(DormitoryRequestStatusValue, {
  name: "DormitoryRequestStatus",
  description: "Where a dormitory request stands, as the student follows it.",
  valuesConfig: {
    SUBMITTED: { description: "Waiting for logistics staff to decide." },
    APPROVED: { description: "Approved; a move-out is then completed when the student has left." },
    REFUSED: { description: "Refused, with the reason in decisionNote." },
    COMPLETED: { description: "A move-out that was approved and is done: room checked, keys returned." },
  },
});

@ObjectType("DormitoryRequest", { description: "A student's dormitory request and its answer." })
export class DormitoryRequestView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => DormitoryRequestKindValue, { description: "Which of the four requests it is." })
  kind!: DormitoryRequestKindValue;

  @Field(() => DormitoryRequestStatusValue, { description: "Where it stands." })
  status!: DormitoryRequestStatusValue;

  @Field(() => String, { nullable: true, description: "The student's number." })
  studentNo!: string | null;

  @Field(() => String, { nullable: true, description: "The room registered, changed from, or left." })
  room!: string | null;

  @Field(() => String, { nullable: true, description: "A room change: the room the student asked for." })
  requestedRoom!: string | null;

  @Field(() => String, { nullable: true, description: "A room change: the room staff assigned on approval." })
  assignedRoom!: string | null;

  @Field({ description: "The student's reason." })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: "Registration: first day; move-out: the day of leaving; off-campus stay: first day away (YYYY-MM-DD).",
  })
  fromDate!: string | null;

  @Field(() => String, { nullable: true, description: "Registration: the last day registered (YYYY-MM-DD)." })
  untilDate!: string | null;

  @Field(() => String, { nullable: true, description: "Off-campus stay: the day the student is back (YYYY-MM-DD)." })
  returnDate!: string | null;

  @Field(() => String, { nullable: true, description: "The approval's note, or the refusal's reason." })
  decisionNote!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was approved or refused (UTC)." })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When a move-out was completed (UTC)." })
  completedAt!: Date | null;

  @Field({ description: "When it was submitted (UTC)." })
  submittedAt!: Date;
}

const ROOM = "The dormitory room, e.g. 12-305: 1 to 32 characters.";
const REASON = "Why, 1 to 500 characters.";

@InputType({ description: "备案寝室: register a room's stay for a period." })
export class DormitoryRegistrationInput {
  @Field({ description: ROOM })
  @Length(1, 32)
  room!: string;

  @Field({ description: "First day, YYYY-MM-DD, today or later." })
  fromDate!: string;

  @Field({ description: "Last day, YYYY-MM-DD, not before fromDate." })
  untilDate!: string;

  @Field({ description: REASON })
  @Length(1, 500)
  reason!: string;
}

@InputType({ description: "寝室更换: ask to move to another room." })
export class RoomChangeInput {
  @Field({ description: `The room now. ${ROOM}` })
  @Length(1, 32)
  room!: string;

  @Field(() => String, { nullable: true, description: "The room wished for, if any; staff assign the room." })
  @IsOptional()
  @Length(1, 32)
  requestedRoom?: string | null;

  @Field({ description: REASON })
  @Length(1, 500)
  reason!: string;
}

@InputType({ description: "退宿: ask to leave the dormitory." })
export class MoveOutInput {
  @Field({ description: `The room left. ${ROOM}` })
  @Length(1, 32)
  room!: string;

  @Field({ description: "The day of leaving, YYYY-MM-DD, today or later." })
  moveOutDate!: string;

  @Field({ description: REASON })
  @Length(1, 500)
  reason!: string;
}

@InputType({ description: "短期外宿: a short stay off campus." })
export class OffCampusStayInput {
  @Field({ description: "First day away, YYYY-MM-DD, today or later." })
  fromDate!: string;

  @Field({ description: "The day back, YYYY-MM-DD, after fromDate and at most 30 days later." })
  returnDate!: string;

  @Field({ description: REASON })
  @Length(1, 500)
  reason!: string;
}

@InputType({ description: "Logistics staff approve a request." })
export class ApproveDormitoryRequestInput {
  @Field(() => ID, { description: "The request." })
  id!: string;

  @Field(() => String, { nullable: true, description: "A note for the student, up to 500 characters." })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;

  @Field(() => String, { nullable: true, description: "A room change only, and then required: the room assigned." })
  @IsOptional()
  @Length(1, 32)
  assignedRoom?: string | null;
}
