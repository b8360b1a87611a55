import { IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageArgs } from "../common/pagination";
import { MAX_FEE_QUANTITY } from "./fee.service";

@ObjectType({ description: "Who took a payment at the window." })
export class FeeTaker {
  @Field(() => ID, { description: "The taker's account." })
  accountId!: string;

  @Field(() => String, { nullable: true, description: "Badge number, for a volunteer." })
  badgeNo!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The taker's name when the payment was taken; for staff and supervisors, null for students.",
  })
  name!: string | null;
}

@ObjectType({ description: "A payment taken at a window, with the receipt number the student got." })
export class FeeRecord {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "Receipt number, unique within the department and year, e.g. A2026-000017." })
  receiptNo!: string;

  @Field({ description: "The department that took the money." })
  departmentCode!: string;

  @Field({ description: "The catalogue service paid for." })
  serviceCode!: string;

  @Field(() => Int, { description: "Amount in fen (¥2 is 200)." })
  amountFen!: number;

  @Field(() => Int, { description: "Pieces paid for at the catalogue's fee each." })
  quantity!: number;

  @Field({ description: "The paying student's number." })
  payerStudentNo!: string;

  @Field(() => FeeTaker, { description: "Who took the money." })
  takenBy!: FeeTaker;

  @Field({ description: "When it was taken (UTC)." })
  takenAt!: Date;

  @Field({ description: "The hall's local day it is reconciled on (YYYY-MM-DD)." })
  serviceDay!: string;

  @Field(() => String, { nullable: true, description: "What it belongs to in a department's records." })
  reference!: string | null;
}

@ObjectType({ description: "How many payments and how much money." })
export class FeeServiceTotal {
  @Field({ description: "The catalogue service." })
  serviceCode!: string;

  @Field(() => String, { nullable: true, description: "Its name in Chinese, when it is still in the catalogue." })
  serviceName!: string | null;

  @Field(() => Int, { description: "Number of payments." })
  count!: number;

  @Field(() => Int, { description: "Sum in fen." })
  totalFen!: number;
}

@ObjectType({ description: "What one person took in a day." })
export class FeeTakerTotal {
  @Field(() => ID, { description: "The taker's account." })
  accountId!: string;

  @Field(() => String, { nullable: true, description: "Badge number, for a volunteer." })
  badgeNo!: string | null;

  @Field({ description: "The taker's name." })
  name!: string;

  @Field(() => Int, { description: "Number of payments." })
  count!: number;

  @Field(() => Int, { description: "Sum in fen." })
  totalFen!: number;
}

@ObjectType({ description: "A department's takings on one local day, to count the cash box against." })
export class FeeReconciliation {
  @Field({ description: "Department code." })
  department!: string;

  @Field({ description: "The hall's local day (YYYY-MM-DD)." })
  day!: string;

  @Field(() => Int, { description: "Number of payments." })
  count!: number;

  @Field(() => Int, { description: "Sum in fen." })
  totalFen!: number;

  @Field(() => [FeeServiceTotal], { description: "Per service, by service code." })
  byService!: FeeServiceTotal[];

  @Field(() => [FeeTakerTotal], { description: "Per person who took money, by badge then name." })
  byTaker!: FeeTakerTotal[];
}

@InputType({ description: "A payment at the window; the amount follows from the catalogue." })
export class RecordFeeInput {
  @Field({ description: "The catalogue service paid for; it must charge a fee." })
  @Length(1, 64)
  serviceCode!: string;

  @Field({ description: "The paying student's number." })
  @Length(1, 32)
  studentNo!: string;

  @Field(() => Int, { nullable: true, description: `Pieces paid for: 1 to ${MAX_FEE_QUANTITY}, 1 by default.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEE_QUANTITY)
  quantity?: number;

  @Field(() => Int, {
    nullable: true,
    description: "The amount taken, in fen, as a check: refused unless it is the catalogue's fee × quantity.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  amountFen?: number;

  @Field(() => String, { nullable: true, description: "A note of what it belongs to, up to 100 characters." })
  @IsOptional()
  @MaxLength(100)
  reference?: string;
}

@ArgsType()
export class FeesArgs extends PageArgs {
  @Field({ description: "Department code." })
  department!: string;

  @Field({ description: "The hall's local day, YYYY-MM-DD." })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: "day is a calendar date, YYYY-MM-DD" })
  day!: string;
}
