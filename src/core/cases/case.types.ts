import { ArrayMaxSize, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Role } from "../auth/role";

export enum CaseOriginValue {
  TICKET = "TICKET",
  PHONE = "PHONE",
  WALK_IN = "WALK_IN",
}
registerEnumType(CaseOriginValue, {
  name: "CaseOrigin",
  description: "How the matter first reached the hall.",
  valuesConfig: {
    TICKET: { description: "At a window, from a queue number." },
    PHONE: { description: "By a phone call." },
    WALK_IN: { description: "A walk-in consultation at the desk." },
  },
});

export enum CaseStatusValue {
  OPEN = "OPEN",
  AWAITING_MATERIALS = "AWAITING_MATERIALS",
  HANDOVER_PENDING = "HANDOVER_PENDING",
  CLOSED = "CLOSED",
}
registerEnumType(CaseStatusValue, {
  name: "CaseStatus",
  description: "Where a case stands.",
  valuesConfig: {
    OPEN: { description: "Being worked on by its owner; the clock runs." },
    AWAITING_MATERIALS: { description: "The student was told what is missing; the clock waits." },
    HANDOVER_PENDING: { description: "Handed to another department, which has not accepted yet." },
    CLOSED: { description: "The student has their answer." },
  },
});

export enum CaseAlertKindValue {
  DUE_SOON = "DUE_SOON",
  OVERDUE = "OVERDUE",
  HANDOVER_NOT_ACCEPTED = "HANDOVER_NOT_ACCEPTED",
}
registerEnumType(CaseAlertKindValue, {
  name: "CaseAlertKind",
  description: "Why a case needs attention.",
  valuesConfig: {
    DUE_SOON: { description: "Due within the configured hours (DUE_SOON_HOURS)." },
    OVERDUE: { description: "Past its due time and not closed." },
    HANDOVER_NOT_ACCEPTED: { description: "Not accepted in time by the receiving department; back with its owner." },
  },
});

@ObjectType({ description: "A material and how many." })
export class MaterialCountView {
  @Field({ description: "Name, as on the catalogue's list." })
  name!: string;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@InputType({ description: "A material received, with its count." })
export class MaterialCountInput {
  @Field({ description: "Name, as on the catalogue's list." })
  @Length(1, 200)
  name!: string;

  @Field(() => Int, { description: "How many: 1 to 100." })
  @IsInt()
  @Min(1)
  @Max(100)
  count!: number;
}

@ObjectType({ description: "The person answerable for a case, or who acted on it; never their name." })
export class Responder {
  @Field(() => String, { nullable: true, description: "Badge number, for volunteers." })
  badgeNo!: string | null;

  @Field(() => Role, { nullable: true, description: "VOLUNTEER or STAFF (ADMIN when an administrator acted)." })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: "Their department, for staff." })
  department!: string | null;
}

@ObjectType({ description: "One line of a case's history; lines are only ever added." })
export class CaseEventView {
  @Field({ description: "When (UTC)." })
  at!: Date;

  @Field({ description: "What happened, e.g. HANDOVER_ACCEPTED." })
  kind!: string;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who acted, if a volunteer did." })
  actorBadgeNo!: string | null;

  @Field(() => Responder, { nullable: true, description: "Who acted; null when the hall itself did (a lapsed handover)." })
  actor!: Responder | null;

  @Field(() => String, { nullable: true, description: "Note: the answer, the reason, what was told." })
  note!: string | null;

  @Field(() => [MaterialCountView], { nullable: true, description: "Materials received or missing." })
  materials!: MaterialCountView[] | null;

  @Field(() => String, { nullable: true, description: "Department it came from." })
  fromDepartment!: string | null;

  @Field(() => String, { nullable: true, description: "Department it went to." })
  toDepartment!: string | null;
}

@ObjectType("Case", { description: "A matter the hall owes a student an answer on." })
export class CaseView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => CaseOriginValue, { description: "How it reached the hall." })
  origin!: CaseOriginValue;

  @Field(() => CaseStatusValue, { description: "Where it stands." })
  status!: CaseStatusValue;

  @Field({ description: "What the student asked for." })
  subject!: string;

  @Field(() => String, { nullable: true, description: "The catalogue service, if any." })
  serviceCode!: string | null;

  @Field(() => String, { nullable: true, description: "The service's kind, if it has kinds." })
  variantCode!: string | null;

  @Field({ description: "The department responsible now." })
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: "The student's number, when known." })
  studentNo!: string | null;

  @Field(() => String, { nullable: true, description: "The ticket it came from." })
  ticketId!: string | null;

  @Field(() => [MaterialCountView], { description: "What the student still has to bring." })
  missingMaterials!: MaterialCountView[];

  @Field(() => [MaterialCountView], { description: "Everything received so far." })
  receivedMaterials!: MaterialCountView[];

  @Field(() => Date, { nullable: true, description: "When the materials were complete (UTC)." })
  materialsCompleteAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "The promised completion time (UTC)." })
  dueAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Department a pending handover goes to." })
  handoverToDepartment!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was handed over." })
  handoverReason!: string | null;

  @Field(() => Int, { description: "Working days of the extension asked for or granted." })
  extensionDays!: number;

  @Field(() => String, { nullable: true, description: "Why the extension; shown to the student." })
  extensionReason!: string | null;

  @Field(() => String, { nullable: true, description: "REQUESTED, APPROVED or REFUSED." })
  extensionStatus!: string | null;

  @Field(() => String, { nullable: true, description: "The answer the student was given." })
  answer!: string | null;

  @Field(() => String, { nullable: true, description: "Where the student was sent, for a referral." })
  referredTo!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was closed (UTC)." })
  closedAt!: Date | null;

  @Field({ description: "When it was opened (UTC)." })
  createdAt!: Date;
}

@InputType({ description: "A new case, from a ticket, a phone call or a walk-in." })
export class OpenCaseInput {
  @Field(() => CaseOriginValue, { description: "How the matter reached the hall." })
  @IsIn(Object.values(CaseOriginValue))
  origin!: CaseOriginValue;

  @Field(() => ID, { nullable: true, description: "The ticket at the window, for TICKET." })
  @IsOptional()
  ticketId?: string;

  @Field(() => String, { nullable: true, description: "The catalogue service it is about." })
  @IsOptional()
  @MaxLength(64)
  serviceCode?: string;

  @Field(() => String, { nullable: true, description: "The service's kind, where it has kinds." })
  @IsOptional()
  @MaxLength(64)
  variantCode?: string;

  @Field(() => String, { nullable: true, description: "The department, when no service is named." })
  @IsOptional()
  @MaxLength(32)
  department?: string;

  @Field(() => String, { nullable: true, description: "The student's number, for phone and walk-in." })
  @IsOptional()
  @MaxLength(32)
  studentNo?: string;

  @Field({ description: "What the student asked for." })
  @Length(1, 500)
  subject!: string;

  @Field(() => [MaterialCountInput], { nullable: true, description: "Materials received now." })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  materialsReceived?: MaterialCountInput[];
}

@ObjectType({ description: "A case that needs attention." })
export class CaseAlert {
  @Field(() => CaseAlertKindValue, { description: "Why." })
  kind!: CaseAlertKindValue;

  @Field(() => ID, { description: "The case." })
  caseId!: string;

  @Field({ description: "Its department." })
  department!: string;

  @Field(() => Date, { nullable: true, description: "Its due time (UTC)." })
  dueAt!: Date | null;

  @Field({ description: "When the alert was raised (UTC)." })
  at!: Date;
}
