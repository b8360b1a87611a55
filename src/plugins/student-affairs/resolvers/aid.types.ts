import { ArrayMaxSize, ArrayMinSize, IsDate, IsIn, IsOptional, Length, Matches } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { MaterialCountView, PageArgs } from "../../../core";

export enum AidBatchKindValue {
  SCHOLARSHIP = "SCHOLARSHIP",
  FINANCIAL_AID = "FINANCIAL_AID",
  HARDSHIP_RECOGNITION = "HARDSHIP_RECOGNITION",
}
registerEnumType(AidBatchKindValue, {
  name: "AidBatchKind",
  description: "What an aid batch is about.",
  valuesConfig: {
    SCHOLARSHIP: { description: "A scholarship round (奖学金)." },
    FINANCIAL_AID: { description: "A grant or other financial aid (助学金、资助)." },
    HARDSHIP_RECOGNITION: { description: "Recognition of family financial hardship (家庭经济困难认定)." },
  },
});

@ObjectType({ description: "The figures of one aid batch." })
export class AidBatchCounts {
  @Field(() => Int, { description: "Students who handed in anything." })
  submissions!: number;

  @Field(() => Int, { description: "Of those, with every required material in." })
  complete!: number;

  @Field(() => Int, { description: "Of those, still missing something." })
  incomplete!: number;

  @Field(() => Int, { description: "Students the award was handed out to." })
  handedOut!: number;
}

@ObjectType({ description: "A round of scholarship or financial-aid paperwork (奖助), open for a season." })
export class AidBatch {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "Title, as on the department's notice." })
  title!: string;

  @Field(() => AidBatchKindValue, { description: "What it is about." })
  kind!: AidBatchKindValue;

  @Field({ description: "Academic year, e.g. 2026-2027." })
  academicYear!: string;

  @Field({ description: "Materials are taken from this time (UTC)." })
  opensAt!: Date;

  @Field({ description: "Materials are taken until this time (UTC)." })
  closesAt!: Date;

  @Field(() => [String], { description: "What each student hands in, one of each." })
  requiredMaterials!: string[];
}

@ObjectType({ description: "What one student handed in for an aid batch, and whether the award was handed out." })
export class AidSubmission {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => ID, { description: "The batch." })
  batchId!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field(() => [MaterialCountView], { description: "Everything received so far." })
  materials!: MaterialCountView[];

  @Field({ description: "True once every required material is in." })
  complete!: boolean;

  @Field({ description: "When the last materials were taken in (UTC)." })
  lastCollectedAt!: Date;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who took them in, if a volunteer did." })
  collectedByBadgeNo!: string | null;

  @Field(() => Date, { nullable: true, description: "When the award was handed out (UTC)." })
  handedOutAt!: Date | null;

  @Field(() => String, { nullable: true, description: "What was handed out." })
  handedOutNote!: string | null;
}

@InputType({ description: "A new aid batch." })
export class AidBatchInput {
  @Field({ description: "Title: 1 to 200 characters." })
  @Length(1, 200)
  title!: string;

  @Field(() => AidBatchKindValue, { description: "What it is about." })
  @IsIn(Object.values(AidBatchKindValue))
  kind!: AidBatchKindValue;

  @Field({ description: "Academic year, e.g. 2026-2027." })
  @Matches(/^\d{4}-\d{4}$/, { message: "academicYear is written like 2026-2027" })
  academicYear!: string;

  @Field({ description: "Materials are taken from this time." })
  @IsDate()
  opensAt!: Date;

  @Field({ description: "Materials are taken until this time; after opensAt." })
  @IsDate()
  closesAt!: Date;

  @Field(() => [String], { description: "What each student hands in: 1 to 20 names." })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  requiredMaterials!: string[];
}

@ArgsType()
export class AidBatchesArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: "Only batches open at this moment." })
  @IsOptional()
  openAt?: Date | null;
}
