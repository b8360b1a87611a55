import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum CompletionModeValue {
  ON_THE_SPOT = "ON_THE_SPOT",
  PROMISED = "PROMISED",
}

registerEnumType(CompletionModeValue, {
  name: "CompletionMode",
  description: "Time-limited completion: done at the window, or by a promised date.",
  valuesConfig: {
    ON_THE_SPOT: { description: "Finished in the same visit when the materials are complete." },
    PROMISED: { description: "Finished within a promised number of working days." },
  },
});

@ObjectType({ description: "A resident department of the hall." })
export class Department {
  @Field({ description: "Stable code, e.g. student-affairs." })
  code!: string;

  @Field({ description: "Name in Chinese." })
  name!: string;

  @Field({ description: "Name in English." })
  nameEn!: string;

  @Field({ description: "The letter in front of this department's queue numbers." })
  ticketPrefix!: string;
}

@ObjectType({ description: "Something a student brings: a form, a photo, a card." })
export class Material {
  @Field({ description: "Name in Chinese." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Name in English." })
  nameEn?: string | null;

  @Field(() => Int, { description: "How many." })
  count!: number;

  @Field(() => String, { nullable: true, description: "Where the form comes from." })
  source?: string | null;
}

@ObjectType({ description: "A kind of a service, with materials of its own." })
export class ServiceVariant {
  @Field({ description: "Stable code within the service." })
  code!: string;

  @Field({ description: "Name in Chinese." })
  name!: string;

  @Field({ description: "Name in English." })
  nameEn!: string;

  @Field(() => [Material], { description: "What to bring for this kind." })
  materials!: Material[];

  @Field(() => [String], { description: "The steps for this kind, in order." })
  steps!: string[];
}

@ObjectType("ServiceItem", { description: "A service of the catalogue: what a student can get done." })
export class ServiceItemView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "Stable code, used to take a ticket." })
  code!: string;

  @Field({ description: "Name in Chinese." })
  name!: string;

  @Field({ description: "Name in English." })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: "What the service is." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "Who may use it, or when it applies." })
  condition!: string | null;

  @Field(() => Int, { description: "Fee in fen (¥2 = 200)." })
  feeFen!: number;

  @Field(() => CompletionModeValue, { description: "On the spot, or by a promised date." })
  mode!: CompletionModeValue;

  @Field(() => Int, { nullable: true, description: "Working days promised, for PROMISED items." })
  promisedWorkingDays!: number | null;

  @Field(() => [Material], { description: "What to bring." })
  materials!: Material[];

  @Field(() => [String], { description: "The process, step by step." })
  steps!: string[];

  @Field(() => [ServiceVariant], { description: "Kinds with materials of their own." })
  variants!: ServiceVariant[];

  @Field(() => String, { nullable: true, description: "Hours it is offered, where not the hall's." })
  hours!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was retired; retired items are hidden." })
  retiredAt!: Date | null;

  departmentCode!: string;
}

@InputType({ description: "A material a student brings." })
export class MaterialInput {
  @Field({ description: "Name in Chinese, as students see it." })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: "Name in English.", nullable: true })
  @IsOptional()
  @MaxLength(200)
  nameEn?: string;

  @Field(() => Int, { description: "How many: 1 to 100." })
  @IsInt()
  @Min(1)
  @Max(100)
  count!: number;

  @Field(() => String, { description: "Where the form comes from.", nullable: true })
  @IsOptional()
  @MaxLength(200)
  source?: string;
}

@InputType({ description: "A kind of a service." })
export class ServiceVariantInput {
  @Field({ description: "Stable code within the service: lower-case letters, digits and -." })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: "code may hold lower-case letters, digits and -" })
  code!: string;

  @Field({ description: "Name in Chinese." })
  @Length(1, 200)
  name!: string;

  @Field({ description: "Name in English." })
  @Length(1, 200)
  nameEn!: string;

  @Field(() => [MaterialInput], { description: "What to bring for this kind." })
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  materials!: MaterialInput[];

  @Field(() => [String], { description: "The steps for this kind, in order.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  steps?: string[];
}

@InputType({ description: "Fields of a catalogue item that staff and admins may set." })
export class ServiceFieldsInput {
  @Field(() => String, { description: "Name in Chinese.", nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { description: "Name in English.", nullable: true })
  @IsOptional()
  @Length(1, 200)
  nameEn?: string;

  @Field(() => String, { description: "What the service is.", nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string;

  @Field(() => String, { description: "Who may use it, or when it applies.", nullable: true })
  @IsOptional()
  @MaxLength(2000)
  condition?: string;

  @Field(() => Int, { nullable: true, description: "Fee in fen, 0 or more." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  feeFen?: number;

  @Field(() => CompletionModeValue, { description: "ON_THE_SPOT, or PROMISED with promisedWorkingDays.", nullable: true })
  @IsOptional()
  @IsIn(Object.values(CompletionModeValue))
  mode?: CompletionModeValue;

  @Field(() => Int, { nullable: true, description: "Only for PROMISED items: 1 to 60." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  promisedWorkingDays?: number | null;

  @Field(() => [MaterialInput], { description: "What to bring.", nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  materials?: MaterialInput[];

  @Field(() => [String], { description: "The process, step by step.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  steps?: string[];

  @Field(() => [ServiceVariantInput], { description: "Kinds with materials of their own.", nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  variants?: ServiceVariantInput[];

  @Field(() => String, { nullable: true, description: "Hours in the HALL_OPENING_HOURS format." })
  @IsOptional()
  @MaxLength(200)
  hours?: string | null;
}

@InputType({ description: "A new catalogue item." })
export class CreateServiceInput extends ServiceFieldsInput {
  @Field({ description: "Unique code: lower-case letters, digits and -." })
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: "code may hold lower-case letters, digits and -" })
  code!: string;

  @Field({ description: "The department that owns it." })
  @Length(1, 32)
  department!: string;
}
