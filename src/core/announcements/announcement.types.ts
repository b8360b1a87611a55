import { IsDate, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PageArgs } from "../common/pagination";
import { DEFAULT_ANNOUNCEMENT_ORDER, MAX_ANNOUNCEMENT_ORDER } from "./announcement.service";

@ObjectType({ description: "A notice of the hall (信息发布): a department's or the whole hall's." })
export class Announcement {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Department code; null for a hall-wide notice." })
  departmentCode!: string | null;

  @Field({ description: "Title." })
  title!: string;

  @Field({ description: "The text of the notice." })
  body!: string;

  @Field({ description: "Shown from this time (UTC)." })
  validFrom!: Date;

  @Field(() => Date, { nullable: true, description: "Shown until this time (UTC); null for open-ended." })
  validTo!: Date | null;

  @Field(() => Int, { description: "Lower shows first; notices of one order show newest first." })
  order!: number;

  @Field(() => Date, { nullable: true, description: "When it was withdrawn (UTC); null while it stands." })
  withdrawnAt!: Date | null;

  @Field({ description: "When it was written (UTC)." })
  createdAt!: Date;

  @Field({ description: "When it was last changed (UTC)." })
  updatedAt!: Date;
}

@InputType({ description: "A new notice." })
export class CreateAnnouncementInput {
  @Field(() => String, {
    nullable: true,
    description: "Department code; absent or null for a hall-wide notice, which only admins publish.",
  })
  @IsOptional()
  @Length(1, 32)
  department?: string | null;

  @Field({ description: "Title: 1 to 200 characters." })
  @Length(1, 200)
  title!: string;

  @Field({ description: "Text: 1 to 5000 characters." })
  @Length(1, 5000)
  body!: string;

  @Field(() => Date, { nullable: true, description: "Shown from this time; now when absent." })
  @IsOptional()
  @IsDate()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: "Shown until this time; open-ended when absent." })
  @IsOptional()
  @IsDate()
  validTo?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: `Board order, 0 to ${MAX_ANNOUNCEMENT_ORDER}, lower first; ${DEFAULT_ANNOUNCEMENT_ORDER} when absent.`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ANNOUNCEMENT_ORDER)
  order?: number | null;
}

@InputType({ description: "Changes to a notice; what is absent stays as it is." })
export class UpdateAnnouncementInput {
  @Field(() => String, { nullable: true, description: "Title: 1 to 200 characters." })
  @IsOptional()
  @Length(1, 200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Text: 1 to 5000 characters." })
  @IsOptional()
  @Length(1, 5000)
  body?: string | null;

  @Field(() => Date, { nullable: true, description: "Shown from this time." })
  @IsOptional()
  @IsDate()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: "Shown until this time; null makes it open-ended." })
  @IsOptional()
  @IsDate()
  validTo?: Date | null;

  @Field(() => Int, { nullable: true, description: `Board order, 0 to ${MAX_ANNOUNCEMENT_ORDER}.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_ANNOUNCEMENT_ORDER)
  order?: number | null;
}

@ArgsType()
export class AnnouncementsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: "A department's board: its notices and the hall-wide ones. Absent: every notice of the hall.",
  })
  @IsOptional()
  department?: string | null;

  @Field(() => Date, { nullable: true, description: "The moment the board shows; now when absent." })
  @IsOptional()
  activeAt?: Date | null;

  @Field({ defaultValue: true, description: "With a department: whether hall-wide notices show beside its own." })
  includeHallWide!: boolean;
}

@ArgsType()
export class ManagedAnnouncementsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: "Department code. Staff always get their own; admins and supervisors get all when absent.",
  })
  @IsOptional()
  department?: string | null;
}
