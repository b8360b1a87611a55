import { ArrayMaxSize, IsBoolean, IsOptional, Length, MaxLength, ValidateNested } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  type HallContext,
  MaterialCountInput,
  MaterialCountView,
  type Page,
  PageArgs,
  PageOf,
  requireActor,
} from "../../../core";
import type { ReportCertificateEntity } from "../entities/report-certificate.entity";
import { ISSUE } from "../permissions";
import { seesNames } from "../services/desk";
import { studentAffairs } from "../services/student-affairs";
import { READERS, STUDENTS } from "./student-id.resolver";

@ObjectType({ description: "What the student showed for the brochure's condition on report certificates." })
export class ReportCertificateEligibility {
  @Field({ description: "From outside the city (外省市生源)." })
  originOutsideCity!: boolean;

  @Field({ description: "Has the city's household registration (本市户籍) already." })
  hasLocalHukou!: boolean;

  @Field({ description: "Can print the local employer's header on the certificate." })
  canPrintLocalEmployerHeader!: boolean;
}

@ObjectType({ description: "An employment report certificate (就业报到证) printed, reprinted or proved at the window." })
export class ReportCertificateRecord {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The graduate's number." })
  studentNo!: string;

  @Field({
    description:
      "The kind, a variant of the catalogue's employment-report-certificate: first-print, " +
      "redispatch-or-breach, lost-reprint, error-reprint or printed-proof.",
  })
  variantCode!: string;

  @Field(() => String, { nullable: true, description: "The employer it is made out to." })
  employerName!: string | null;

  @Field(() => String, { nullable: true, description: "For an error reprint: what was corrected." })
  correction!: string | null;

  @Field(() => String, { nullable: true, description: "For a proof of printing: what it is for." })
  purpose!: string | null;

  @Field(() => [MaterialCountView], { description: "The materials taken in." })
  materials!: MaterialCountView[];

  @Field({ description: "When it was issued (UTC)." })
  issuedAt!: Date;
}

@InputType({ description: "What the graduate shows for the brochure's condition." })
export class ReportCertificateEligibilityInput {
  @Field({ description: "From outside the city (外省市生源)." })
  @IsBoolean()
  originOutsideCity!: boolean;

  @Field({ description: "Has the city's household registration (本市户籍) already." })
  @IsBoolean()
  hasLocalHukou!: boolean;

  @Field({ description: "Can print the local employer's header on the certificate." })
  @IsBoolean()
  canPrintLocalEmployerHeader!: boolean;
}

@InputType({ description: "A report certificate to print, reprint or prove, in one of the five kinds." })
export class ReportCertificateInput {
  @Field({ description: "The graduate's number." })
  @Length(1, 32)
  studentNo!: string;

  @Field({ description: "The kind: a variant code of employment-report-certificate." })
  @Length(1, 32)
  variantCode!: string;

  @Field(() => ReportCertificateEligibilityInput, { description: "The brochure's condition, as shown." })
  @ValidateNested()
  eligibility!: ReportCertificateEligibilityInput;

  @Field(() => [MaterialCountInput], { description: "The materials taken in; the kind's list must be complete." })
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  materials!: MaterialCountInput[];

  @Field(() => String, { nullable: true, description: "The employer; required for first-print and redispatch-or-breach." })
  @IsOptional()
  @MaxLength(200)
  employerName?: string | null;

  @Field(() => String, { nullable: true, description: "What was wrong and what is right; required for error-reprint." })
  @IsOptional()
  @MaxLength(300)
  correction?: string | null;

  @Field(() => String, { nullable: true, description: "What the proof is for; required for printed-proof." })
  @IsOptional()
  @MaxLength(200)
  purpose?: string | null;
}

@ArgsType()
class ReportCertificatesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only this graduate's." })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string;
}

const ReportCertificateRecordPage = PageOf(ReportCertificateRecord, "ReportCertificateRecord");

@Resolver(() => ReportCertificateRecord)
export class ReportCertificateResolver {
  @Authorized(ISSUE)
  @Mutation(() => ReportCertificateRecord, {
    description:
      "Prints a report certificate, or a proof of printing, on the spot: only for graduates from outside the city " +
      "without local household registration whose employer header cannot be printed.",
  })
  issueReportCertificate(@Arg("input") input: ReportCertificateInput, @Ctx() context: HallContext) {
    return studentAffairs(context.services).certificates.issue(requireActor(context), input);
  }

  @Authorized(...READERS)
  @Query(() => ReportCertificateRecordPage, { description: "Report certificates issued, newest first." })
  reportCertificates(
    @Args() args: ReportCertificatesArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<ReportCertificateEntity>> {
    return studentAffairs(context.services).certificates.list(requireActor(context), args.studentNo ?? null, args);
  }

  @Authorized(...STUDENTS)
  @Query(() => ReportCertificateRecordPage, { description: "The signed-in graduate's report certificates, newest first." })
  myReportCertificates(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<ReportCertificateEntity>> {
    return studentAffairs(context.services).certificates.mine(requireActor(context), args);
  }

  @FieldResolver(() => ReportCertificateEligibility, { description: "What the graduate showed for the condition." })
  eligibility(@Root() record: ReportCertificateEntity): ReportCertificateEligibility {
    return {
      originOutsideCity: record.originOutsideCity,
      hasLocalHukou: record.hasLocalHukou,
      canPrintLocalEmployerHeader: record.canPrintLocalEmployerHeader,
    };
  }

  @FieldResolver(() => String, { nullable: true, description: "Who issued it; shown to staff and supervisors." })
  issuedBy(@Root() record: ReportCertificateEntity, @Ctx() context: HallContext): string | null {
    return seesNames(context.actor) ? record.issuedByName : null;
  }
}
