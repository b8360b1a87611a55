import { IsBoolean, IsIn, IsOptional, Length } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageArgs } from "../../../core";

export enum StudentIdApplicationStatusValue {
  SUBMITTED = "SUBMITTED",
  READY = "READY",
  PICKED_UP = "PICKED_UP",
}
registerEnumType(StudentIdApplicationStatusValue, {
  name: "StudentIdApplicationStatus",
  description: "Where a new student ID booklet stands.",
  valuesConfig: {
    SUBMITTED: { description: "Handed in with photo and fee; the department is making the booklet." },
    READY: { description: "Made; the student may pick it up at the window." },
    PICKED_UP: { description: "The student has it." },
  },
});

export enum StudentIdReplacementReasonValue {
  LOST = "LOST",
  DAMAGED = "DAMAGED",
}
registerEnumType(StudentIdReplacementReasonValue, {
  name: "StudentIdReplacementReason",
  description: "Why a student ID booklet is replaced.",
  valuesConfig: {
    LOST: { description: "The booklet was lost." },
    DAMAGED: { description: "The booklet is damaged; it is handed in with the application." },
  },
});

@ObjectType({ description: "The 1-inch photo of a student ID application, as checked at upload." })
export class StudentIdPhoto {
  @Field({ description: "image/jpeg or image/png, from the file's own bytes." })
  mimeType!: string;

  @Field(() => Int, { description: "Width in pixels, from the file's header." })
  width!: number;

  @Field(() => Int, { description: "Height in pixels, from the file's header." })
  height!: number;

  @Field(() => Int, { description: "Size in bytes." })
  byteSize!: number;

  @Field({ description: "SHA-256 of the bytes, hex." })
  sha256!: string;
}

@ObjectType({ description: "An application for a new student ID booklet (学生证补办), which the student follows." })
export class StudentIdApplication {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field(() => StudentIdReplacementReasonValue, { description: "Why the booklet is replaced." })
  reason!: StudentIdReplacementReasonValue;

  @Field({ description: "Whether the damaged booklet was handed in." })
  oldBookletReturned!: boolean;

  @Field(() => StudentIdApplicationStatusValue, { description: "Where it stands." })
  status!: StudentIdApplicationStatusValue;

  @Field(() => String, { nullable: true, description: "Receipt number of the fee; null if the service was free." })
  receiptNo!: string | null;

  @Field({ description: "When the student was told to come for it (UTC): the close of the promised day." })
  promisedReadyAt!: Date;

  @Field({ description: "When it was handed in (UTC)." })
  submittedAt!: Date;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who took it in, if a volunteer did." })
  submittedByBadgeNo!: string | null;

  @Field(() => Date, { nullable: true, description: "When the booklet was ready (UTC)." })
  readyAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the student picked it up (UTC)." })
  pickedUpAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who handed it over, if a volunteer did." })
  handedOverByBadgeNo!: string | null;
}

@ObjectType({ description: "A term's registration stamp in a student ID booklet (学生证注册)." })
export class StudentIdRegistration {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field({ description: "Academic year and term, e.g. 2026-2027-1." })
  term!: string;

  @Field({ description: "When it was stamped (UTC)." })
  registeredAt!: Date;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who stamped it, if a volunteer did." })
  registeredByBadgeNo!: string | null;
}

@InputType({ description: "A student ID replacement taken in at the window, with its photo." })
export class StudentIdReplacementInput {
  @Field({ description: "The student's number; the student needs an account to follow the application." })
  @Length(1, 32)
  studentNo!: string;

  @Field(() => StudentIdReplacementReasonValue, { description: "Why the booklet is replaced." })
  @IsIn(Object.values(StudentIdReplacementReasonValue))
  reason!: StudentIdReplacementReasonValue;

  @Field({ nullable: true, description: "The damaged booklet was handed in; required for DAMAGED." })
  @IsOptional()
  @IsBoolean()
  oldBookletReturned?: boolean;

  @Field({
    description:
      "The 1-inch photo as base64 (a data: URL prefix is allowed): JPEG or PNG, at most 2 MB, " +
      "width to height 5:7 within 5%.",
  })
  // No length limit here: the photo check names the 2 MB limit itself, and the HTTP body
  // limit bounds what arrives at all.
  photoBase64!: string;
}

@ArgsType()
export class StudentIdApplicationsArgs extends PageArgs {
  @Field(() => StudentIdApplicationStatusValue, { nullable: true, description: "Only applications in this state." })
  @IsOptional()
  status?: StudentIdApplicationStatusValue;

  @Field(() => String, { nullable: true, description: "Only this student's." })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string;
}

@ArgsType()
export class StudentIdRegistrationsArgs extends PageArgs {
  @Field({ description: "Academic year and term, e.g. 2026-2027-1." })
  term!: string;
}
