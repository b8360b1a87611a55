import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MaterialCountInput, PageOf } from "../../../core";

export enum AcademicDocumentKindValue {
  ENROLMENT_CERTIFICATE = "ENROLMENT_CERTIFICATE",
  TRANSCRIPT = "TRANSCRIPT",
}
registerEnumType(AcademicDocumentKindValue, {
  name: "AcademicDocumentKind",
  description: "What the Academic Affairs Office issues at the hall.",
  valuesConfig: {
    ENROLMENT_CERTIFICATE: { description: "Certificate of enrolment (在读证明)." },
    TRANSCRIPT: { description: "Academic transcript (成绩单), sealed by the office." },
  },
});

export enum AcademicDocumentLanguageValue {
  ZH = "zh",
  EN = "en",
}
registerEnumType(AcademicDocumentLanguageValue, {
  name: "AcademicDocumentLanguage",
  description: "The language a document is printed in.",
  valuesConfig: {
    ZH: { description: "Chinese (中文版)." },
    EN: { description: "English (英文版); the name is spelt as in the passport." },
  },
});

export enum AcademicDocumentStatusValue {
  REQUESTED = "REQUESTED",
  ISSUED = "ISSUED",
}
registerEnumType(AcademicDocumentStatusValue, {
  name: "AcademicDocumentStatus",
  description: "Where a document request stands.",
  valuesConfig: {
    REQUESTED: { description: "Received; its case carries the promised date." },
    ISSUED: { description: "Issued, with a reference and a verification code; the case is closed." },
  },
});

@ObjectType({ description: "An enrolment certificate or transcript, from request to issue." })
export class AcademicDocument {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => AcademicDocumentKindValue, { description: "What document." })
  kind!: AcademicDocumentKindValue;

  @Field(() => AcademicDocumentLanguageValue, { description: "The language it is printed in." })
  language!: AcademicDocumentLanguageValue;

  @Field(() => Int, { description: "Copies asked for." })
  copies!: number;

  @Field(() => String, { nullable: true, description: "What the student needs it for." })
  purpose!: string | null;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field(() => AcademicDocumentStatusValue, { description: "Where it stands." })
  status!: AcademicDocumentStatusValue;

  @Field(() => ID, { description: "The hall case that carries its promised date: query `case(id)`." })
  caseId!: string;

  @Field({ description: "When it was requested (UTC)." })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: "The name as printed on it." })
  nameAsPrinted!: string | null;

  @Field(() => String, { nullable: true, description: "The office's reference for it." })
  resultReference!: string | null;

  @Field(() => String, { nullable: true, description: "The issue date printed on it (local, YYYY-MM-DD)." })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true, description: "The last day it is valid (local), when it says so." })
  validUntil!: string | null;
}

export const AcademicDocumentPage = PageOf(AcademicDocument, "AcademicDocument");

@ObjectType({
  description:
    "What an issued document states, as `verifyDocument` tells anyone holding it: " +
    "nothing else about the student or the office.",
})
export class AcademicDocumentVerification {
  @Field(() => AcademicDocumentKindValue, { description: "What document it is." })
  kind!: AcademicDocumentKindValue;

  @Field({ description: "The student's name as printed on it." })
  nameAsPrinted!: string;

  @Field({ description: "The issue date printed on it (YYYY-MM-DD)." })
  issuedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: "The last day it is valid (YYYY-MM-DD); null when it states none.",
  })
  validUntil!: string | null;

  @Field({ description: "Whether it is within its validity today." })
  validNow!: boolean;
}

@InputType({ description: "A document request received at a window." })
export class RequestAcademicDocumentInput {
  @Field(() => AcademicDocumentKindValue, { description: "What document." })
  kind!: AcademicDocumentKindValue;

  @Field({ description: "The student's number." })
  @Length(1, 32)
  studentNo!: string;

  @Field(() => AcademicDocumentLanguageValue, { description: "The language to print it in." })
  language!: AcademicDocumentLanguageValue;

  @Field(() => Int, { defaultValue: 1, description: "Copies: 1 to 10." })
  copies!: number;

  @Field(() => String, { nullable: true, description: "What the student needs it for: up to 200 characters." })
  @IsOptional()
  @MaxLength(200)
  purpose?: string | null;

  @Field(() => ID, { nullable: true, description: "The queue ticket at the window, when the student came with one." })
  @IsOptional()
  ticketId?: string | null;

  @Field(() => [MaterialCountInput], {
    nullable: true,
    description: "Materials received now; with the catalogue's list complete, the promised date is set.",
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  materialsReceived?: MaterialCountInput[] | null;
}

@InputType({ description: "What the office printed on an issued document." })
export class IssueAcademicDocumentInput {
  @Field(() => ID, { description: "The document request." })
  documentId!: string;

  @Field({ description: "The office's reference: 1 to 64 letters, digits, - or /." })
  @Length(1, 64)
  resultReference!: string;

  @Field(() => String, {
    nullable: true,
    description: "The name as printed; the student's own name when absent (required for English).",
  })
  @IsOptional()
  @MaxLength(100)
  nameAsPrinted?: string | null;

  @Field(() => String, { nullable: true, description: "The last day it is valid, YYYY-MM-DD, when it states one." })
  @IsOptional()
  validUntil?: string | null;
}
