import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { PageOf } from "../../../core";

export enum YibanLedgerKindValue {
  CREDIT = "CREDIT",
  EXCHANGE = "EXCHANGE",
  PRINT = "PRINT",
}
registerEnumType(YibanLedgerKindValue, {
  name: "YibanLedgerKind",
  description: "What moved a student's Yiban points or pages.",
  valuesConfig: {
    CREDIT: { description: "IT staff credited points." },
    EXCHANGE: { description: "The student exchanged points for pages (80 points for 20 pages)." },
    PRINT: { description: "Pages printed at the print desk with a print code." },
  },
});

@ObjectType({ description: "One movement of a student's Yiban points or pages; entries are only ever added." })
export class YibanLedgerEntry {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "When it was recorded (UTC)." })
  at!: Date;

  @Field(() => YibanLedgerKindValue, { description: "What moved the balance." })
  kind!: YibanLedgerKindValue;

  @Field(() => Int, { description: "Points added (positive) or taken (negative)." })
  points!: number;

  @Field(() => Int, { description: "Pages added (positive) or printed (negative)." })
  pages!: number;

  @Field(() => String, { nullable: true, description: "Why points were credited, or the print code used." })
  note!: string | null;
}

export const YibanLedgerPage = PageOf(YibanLedgerEntry, "YibanLedgerEntry");

@ObjectType({ description: "A student's Yiban printing account: points, pages and how they moved." })
export class YibanAccount {
  /** Not in the schema: the nested fields need it. */
  studentAccountId!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field(() => Int, { description: "Yiban points (网薪) not yet exchanged: the sum of the ledger's points." })
  points!: number;

  @Field(() => Int, { description: "Print pages left: the sum of the ledger's pages." })
  pages!: number;
}

@ObjectType({ description: "A day's print code (打印验证码): valid on its own day only, used once." })
export class PrintCode {
  @Field({ description: "What the student types at the print terminal." })
  code!: string;

  @Field({ description: "The local day (YYYY-MM-DD) it is valid on." })
  serviceDay!: string;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field({ description: "When it was taken (UTC)." })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was used at the print desk (UTC); null while unused." })
  usedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "Pages printed with it." })
  pagesPrinted!: number | null;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer who served at the print desk." })
  usedByBadgeNo!: string | null;
}

export const PrintCodePage = PageOf(PrintCode, "PrintCode");

@ObjectType({ description: "What the print desk sees after a print." })
export class YibanPrintResult {
  @Field(() => PrintCode, { description: "The code, now used." })
  printCode!: PrintCode;

  @Field(() => Int, { description: "Pages the student has left." })
  pagesLeft!: number;
}
