import { IsIn, IsOptional, Length, MaxLength } from "class-validator";
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
  registerEnumType,
  Resolver,
  Root,
} from "type-graphql";
import { type HallContext, type Page, PageArgs, PageOf, requireActor } from "../../../core";
import type { StampRegisterEntryEntity } from "../entities/stamp-register-entry.entity";
import { STAMP } from "../permissions";
import { seesNames } from "../services/desk";
import { studentAffairs } from "../services/student-affairs";
import { READERS, STUDENTS } from "./student-id.resolver";

export enum StampKindValue {
  GRADUATE_RECOMMENDATION = "GRADUATE_RECOMMENDATION",
  EMPLOYMENT_AGREEMENT = "EMPLOYMENT_AGREEMENT",
}
registerEnumType(StampKindValue, {
  name: "StampRegisterKind",
  description: "What the university's seal was put on.",
  valuesConfig: {
    GRADUATE_RECOMMENDATION: { description: "A graduate recommendation form (毕业生推荐表)." },
    EMPLOYMENT_AGREEMENT: { description: "An employment agreement, endorsed (就业协议签证)." },
  },
});

@ObjectType({ description: "A line of the stamp register: what was stamped, for whom, by whom, when." })
export class StampRegisterEntry {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => StampKindValue, { description: "What kind of document." })
  kind!: StampKindValue;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field({ description: "The document, in words." })
  document!: string;

  @Field(() => String, { nullable: true, description: "The agreement's number, for an agreement." })
  agreementNo!: string | null;

  @Field(() => String, { nullable: true, description: "The employer, for an agreement." })
  employerName!: string | null;

  @Field(() => String, { nullable: true, description: "Why a second document of the kind was stamped." })
  reason!: string | null;

  @Field({ description: "When it was stamped (UTC)." })
  stampedAt!: Date;
}

@InputType({ description: "An employment agreement to endorse." })
export class EmploymentAgreementInput {
  @Field({ description: "The graduate's number." })
  @Length(1, 32)
  studentNo!: string;

  @Field({ description: "The agreement's own number, as printed on it." })
  @Length(1, 64)
  agreementNo!: string;

  @Field({ description: "The employer, as on the agreement." })
  @Length(1, 200)
  employerName!: string;

  @Field(() => String, {
    nullable: true,
    description: "Required when the graduate had an agreement endorsed before, e.g. a breach of contract.",
  })
  @IsOptional()
  @MaxLength(300)
  reason?: string | null;
}

@ArgsType()
class StampRegisterArgs extends PageArgs {
  @Field(() => StampKindValue, { nullable: true, description: "Only this kind." })
  @IsOptional()
  @IsIn(Object.values(StampKindValue))
  kind?: StampKindValue;

  @Field(() => String, { nullable: true, description: "Only this student's." })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string;
}

const StampRegisterEntryPage = PageOf(StampRegisterEntry, "StampRegisterEntry");

@Resolver(() => StampRegisterEntry)
export class StampRegisterResolver {
  @Authorized(STAMP)
  @Mutation(() => StampRegisterEntry, {
    description: "Stamps a filled graduate recommendation form on the spot and writes it in the register.",
  })
  stampRecommendationForm(
    @Arg("studentNo") studentNo: string,
    @Arg("reason", () => String, {
      nullable: true,
      description: "Required for a second form, e.g. the first was lost or spoiled.",
    })
    reason: string | null,
    @Ctx() context: HallContext,
  ) {
    return studentAffairs(context.services).stamps.stampRecommendation(requireActor(context), studentNo, reason);
  }

  @Authorized(STAMP)
  @Mutation(() => StampRegisterEntry, { description: "Endorses an employment agreement and writes it in the register." })
  endorseEmploymentAgreement(@Arg("input") input: EmploymentAgreementInput, @Ctx() context: HallContext) {
    return studentAffairs(context.services).stamps.endorseAgreement(requireActor(context), input);
  }

  @Authorized(...READERS)
  @Query(() => StampRegisterEntryPage, { description: "The stamp register, newest first." })
  stampRegister(@Args() args: StampRegisterArgs, @Ctx() context: HallContext): Promise<Page<StampRegisterEntryEntity>> {
    return studentAffairs(context.services).stamps.register(requireActor(context), args, args);
  }

  @Authorized(...STUDENTS)
  @Query(() => StampRegisterEntryPage, { description: "The signed-in student's stamped documents, newest first." })
  myStampRegisterEntries(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<StampRegisterEntryEntity>> {
    return studentAffairs(context.services).stamps.mine(requireActor(context), args);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Who stamped it; shown to staff and supervisors, null for students.",
  })
  stampedBy(@Root() entry: StampRegisterEntryEntity, @Ctx() context: HallContext): string | null {
    return seesNames(context.actor) ? entry.stampedByName : null;
  }
}
