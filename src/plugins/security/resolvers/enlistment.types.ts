import { IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum EnlistmentKindValue {
  PRE_ENLISTMENT = "PRE_ENLISTMENT",
  MILITARY_SERVICE = "MILITARY_SERVICE",
}
registerEnumType(EnlistmentKindValue, {
  name: "EnlistmentKind",
  description: "What the student registers for at the Security Office's window.",
  valuesConfig: {
    PRE_ENLISTMENT: { description: "大学生预征兵报名: signing up to be called for the medical and political checks." },
    MILITARY_SERVICE: { description: "兵役登记: military service registration." },
  },
});

/** Bounds an age range may take; outside them a season's range is surely a typo. */
export const AGE_BOUNDS = { min: 16, max: 35 } as const;
export const DEFAULT_AGES = { min: 17, max: 24 } as const;

@ObjectType("EnlistmentSeason", {
  description: "A registration season: pre-enlistment and military service registration are open from opensOn to closesOn.",
})
export class EnlistmentSeasonView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The season's name, e.g. 2027 年上半年征兵." })
  name!: string;

  @Field({ description: "First day of registration, YYYY-MM-DD in the hall's time zone." })
  opensOn!: string;

  @Field({ description: "Last day of registration, inclusive." })
  closesOn!: string;

  @Field(() => Int, { description: "Youngest age, in whole years on the day of registering, that may register." })
  minAge!: number;

  @Field(() => Int, { description: "Oldest age that may register, inclusive." })
  maxAge!: number;
}

@InputType({ description: "A new registration season." })
export class CreateEnlistmentSeasonInput {
  @Field({ description: "Name, 1 to 100 characters." })
  @Length(1, 100)
  name!: string;

  @Field({ description: "First day, YYYY-MM-DD." })
  opensOn!: string;

  @Field({ description: "Last day, YYYY-MM-DD, not before opensOn and within a year of it." })
  closesOn!: string;

  @Field(() => Int, { defaultValue: DEFAULT_AGES.min, description: `Youngest age: ${AGE_BOUNDS.min} to ${AGE_BOUNDS.max}.` })
  @IsInt()
  @Min(AGE_BOUNDS.min)
  @Max(AGE_BOUNDS.max)
  minAge!: number;

  @Field(() => Int, { defaultValue: DEFAULT_AGES.max, description: `Oldest age: minAge to ${AGE_BOUNDS.max}.` })
  @IsInt()
  @Min(AGE_BOUNDS.min)
  @Max(AGE_BOUNDS.max)
  maxAge!: number;
}

@InputType({ description: "Changes to a season; absent fields stay as they are." })
export class UpdateEnlistmentSeasonInput {
  @Field(() => String, { nullable: true, description: "Name, 1 to 100 characters." })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: "First day, YYYY-MM-DD." })
  @IsOptional()
  opensOn?: string | null;

  @Field(() => String, { nullable: true, description: "Last day, YYYY-MM-DD; set it to today to close the season tonight." })
  @IsOptional()
  closesOn?: string | null;

  @Field(() => Int, { nullable: true, description: `Youngest age: ${AGE_BOUNDS.min} to ${AGE_BOUNDS.max}.` })
  @IsOptional()
  @IsInt()
  @Min(AGE_BOUNDS.min)
  @Max(AGE_BOUNDS.max)
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: `Oldest age: minAge to ${AGE_BOUNDS.max}.` })
  @IsOptional()
  @IsInt()
  @Min(AGE_BOUNDS.min)
  @Max(AGE_BOUNDS.max)
  maxAge?: number | null;
}

@ObjectType("EnlistmentRegistration", { description: "A student's registration in one season; one per student and season." })
export class EnlistmentRegistrationView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => EnlistmentKindValue, { description: "What the student registered for." })
  kind!: EnlistmentKindValue;

  @Field({ description: "The student's number." })
  studentNo!: string;

  @Field({ description: "The student's name when registering." })
  studentName!: string;

  @Field({ description: "The birth date declared, YYYY-MM-DD, for the window to check against the identity card." })
  birthDate!: string;

  @Field(() => Int, { description: "Age in whole years on the day of registering." })
  ageAtRegistration!: number;

  @Field({ description: "True: the student declared good health (a registration without it is refused)." })
  healthDeclared!: boolean;

  @Field({ description: "When the student registered (UTC)." })
  registeredAt!: Date;
}

@InputType({ description: "A student's registration in the season open today." })
export class RegisterForEnlistmentInput {
  @Field(() => EnlistmentKindValue, { description: "Pre-enlistment sign-up or military service registration." })
  kind!: EnlistmentKindValue;

  @Field({ description: "Birth date, YYYY-MM-DD, as on the identity card; the age on the day decides eligibility." })
  birthDate!: string;

  @Field({
    description:
      "True declares good health, with no condition known to bar military service; registration needs it. " +
      "No medical details are asked or kept.",
  })
  healthDeclaration!: boolean;
}
