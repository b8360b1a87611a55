import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Material } from "../catalogue/catalogue.types";

export enum TicketStatusValue {
  WAITING = "WAITING",
  CALLED = "CALLED",
  SERVING = "SERVING",
  COMPLETED = "COMPLETED",
  NO_SHOW = "NO_SHOW",
  CANCELLED = "CANCELLED",
  EXPIRED = "EXPIRED",
}

registerEnumType(TicketStatusValue, {
  name: "TicketStatus",
  description: "Where a queue number stands.",
  valuesConfig: {
    WAITING: { description: "Waiting to be called." },
    CALLED: { description: "Called to a window; the student is on the way." },
    SERVING: { description: "Being served at the window." },
    COMPLETED: { description: "Served." },
    NO_SHOW: { description: "Called and recalled, but the student did not come." },
    CANCELLED: { description: "Given up by the student." },
    EXPIRED: { description: "Left waiting when its day ended." },
  },
});

export enum TicketOutcomeValue {
  DONE = "DONE",
  CASE_OPENED = "CASE_OPENED",
  REFERRED = "REFERRED",
  MATERIALS_INCOMPLETE = "MATERIALS_INCOMPLETE",
}

registerEnumType(TicketOutcomeValue, {
  name: "TicketOutcome",
  description: "How a visit at the window ended.",
  valuesConfig: {
    DONE: { description: "Handled on the spot." },
    CASE_OPENED: { description: "A case was opened to finish it later." },
    REFERRED: { description: "Sent to the responsible department or office." },
    MATERIALS_INCOMPLETE: { description: "Materials were missing; the student was told the list." },
  },
});

export enum QueueEventKindValue {
  TAKEN = "TAKEN",
  CALLED = "CALLED",
  RECALLED = "RECALLED",
  SERVING = "SERVING",
  COMPLETED = "COMPLETED",
  NO_SHOW = "NO_SHOW",
  CANCELLED = "CANCELLED",
  RETURNED = "RETURNED",
}

registerEnumType(QueueEventKindValue, {
  name: "QueueEventKind",
  description: "What just happened in a queue.",
  valuesConfig: {
    TAKEN: { description: "A number was taken." },
    CALLED: { description: "A number was called to a window." },
    RECALLED: { description: "A called number was called again." },
    SERVING: { description: "The student is at the window." },
    COMPLETED: { description: "The visit ended." },
    NO_SHOW: { description: "The student did not come." },
    CANCELLED: { description: "The student gave the number up." },
    RETURNED: { description: "Back to waiting: its window's volunteer was signed off." },
  },
});

@ObjectType("Ticket", { description: "A queue number." })
export class TicketView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "Department prefix and running number, e.g. A017." })
  number!: string;

  @Field(() => TicketStatusValue, { description: "Where the number stands." })
  status!: TicketStatusValue;

  @Field({ description: "The service it was taken for." })
  serviceCode!: string;

  @Field({ description: "The department whose queue it is in." })
  departmentCode!: string;

  @Field({ description: "The hall's local date the number belongs to." })
  serviceDay!: string;

  @Field(() => [Material], { description: "What to bring, as told when the number was taken." })
  materials!: Material[];

  @Field(() => String, { nullable: true, description: "The window it was called to." })
  windowNumber!: string | null;

  @Field(() => String, { nullable: true, description: "Badge number of the volunteer serving it." })
  badgeNo!: string | null;

  @Field(() => String, { nullable: true, description: "The student's number, when known." })
  studentNo!: string | null;

  @Field(() => Int, { description: "How many times it was called again." })
  recalls!: number;

  @Field(() => TicketOutcomeValue, { nullable: true, description: "How the visit ended." })
  outcome!: TicketOutcomeValue | null;

  @Field({ description: "When it was taken (UTC)." })
  takenAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was first called (UTC)." })
  calledAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was completed, missed or cancelled (UTC)." })
  finishedAt!: Date | null;
}

@ObjectType({ description: "A number at a window, as a board shows it." })
export class QueueServing {
  @Field({ description: "The number, e.g. A017." })
  number!: string;

  @Field({ description: "The window number." })
  window!: string;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer at that window." })
  badgeNo!: string | null;

  @Field(() => TicketStatusValue, { description: "CALLED or SERVING." })
  status!: TicketStatusValue;
}

@ObjectType({ description: "A department's queue now. Reconnecting boards catch up with this." })
export class QueueState {
  @Field({ description: "Department code." })
  department!: string;

  @Field(() => Int, { description: "How many numbers wait." })
  waiting!: number;

  @Field(() => [QueueServing], { description: "Numbers called or being served, oldest call first." })
  serving!: QueueServing[];
}

@ObjectType({ description: "One change in a department's queue." })
export class QueueEvent {
  @Field({ description: "Department code." })
  department!: string;

  @Field(() => QueueEventKindValue, { description: "What happened." })
  kind!: QueueEventKindValue;

  @Field({ description: "The number concerned." })
  number!: string;

  @Field(() => String, { nullable: true, description: "The window, for calls." })
  window!: string | null;

  @Field(() => Int, { description: "How many wait after this change." })
  waiting!: number;

  @Field({ description: "When it happened (UTC)." })
  at!: Date;
}

@ObjectType("Window", { description: "A counter of the hall." })
export class WindowView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The number over the window." })
  number!: string;

  @Field({ description: "The department it serves for." })
  departmentCode!: string;

  @Field(() => [String], { description: "Service codes it handles." })
  serviceCodes!: string[];

  @Field(() => String, { nullable: true, description: "Its own hours, where not the hall's." })
  hours!: string | null;

  @Field(() => String, { nullable: true, description: "Badge number of the volunteer on duty." })
  onDutyBadgeNo!: string | null;

  @Field(() => Date, { nullable: true, description: "Since when they are on duty (UTC)." })
  onDutySince!: Date | null;

  @Field({ description: "False when the window is closed." })
  active!: boolean;
}

@InputType({ description: "A new window." })
export class CreateWindowInput {
  @Field({ description: "The number over the window: 1 to 16 letters, digits or -." })
  @Length(1, 16)
  number!: string;

  @Field({ description: "Department code." })
  @Length(1, 32)
  department!: string;

  @Field(() => [String], { description: "Codes of the department's services it handles." })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  serviceCodes!: string[];

  @Field(() => String, { nullable: true, description: "Own hours, in the HALL_OPENING_HOURS format." })
  @IsOptional()
  @MaxLength(200)
  hours?: string | null;
}

@InputType({ description: "Changes to a window." })
export class UpdateWindowInput {
  @Field(() => [String], { nullable: true, description: "Codes of the department's services it handles." })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  serviceCodes?: string[];

  @Field(() => String, { nullable: true, description: "Own hours in the HALL_OPENING_HOURS format; null for the hall's." })
  @IsOptional()
  @MaxLength(200)
  hours?: string | null;

  @Field(() => Boolean, { nullable: true, description: "False closes the window." })
  @IsOptional()
  active?: boolean;
}
