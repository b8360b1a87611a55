import { IsOptional, Length, Matches, MaxLength, MinLength } from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Role } from "./role";

@ObjectType({ description: "A signed-in session: send the token as `Authorization: Bearer <token>`." })
export class Session {
  @Field({ description: "The bearer token." })
  token!: string;

  @Field({ description: "When the token stops working (UTC)." })
  expiresAt!: Date;
}

@ObjectType("Account", { description: "A person who signs in to the hall." })
export class AccountView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "The sign-in name." })
  account!: string;

  @Field(() => Role, { description: "What the account is in the hall." })
  role!: Role;

  @Field({ description: "The person's name, as shown to staff." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Department code of a staff member." })
  department!: string | null;

  @Field(() => String, { nullable: true, description: "A volunteer's badge number." })
  badgeNo!: string | null;

  @Field(() => String, { nullable: true, description: "A student's student number." })
  studentNo!: string | null;

  @Field({ description: "False once deactivated: its tokens stop working." })
  active!: boolean;

  @Field({ description: "When the account was made (UTC)." })
  createdAt!: Date;
}

const ACCOUNT_NAME = /^[A-Za-z0-9._@-]+$/;

@InputType({ description: "A new account. Each role needs its identifier." })
export class CreateAccountInput {
  @Field({ description: "Sign-in name: letters, digits and . _ @ -" })
  @Length(3, 64)
  @Matches(ACCOUNT_NAME, { message: "account may hold letters, digits and . _ @ - only" })
  account!: string;

  @Field({ description: "At least 8 characters." })
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @Field(() => Role, { description: "What the account is in the hall." })
  role!: Role;

  @Field({ description: "The person's name, as shown to staff: 1 to 100 characters." })
  @Length(1, 100)
  name!: string;

  @Field(() => String, { nullable: true, description: "Required for STAFF." })
  @IsOptional()
  @Length(1, 32)
  department?: string | null;

  @Field(() => String, { nullable: true, description: "Required for VOLUNTEER." })
  @IsOptional()
  @Length(1, 32)
  badgeNo?: string | null;

  @Field(() => String, { nullable: true, description: "Required for STUDENT." })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string | null;
}

@InputType({ description: "Changes to an account; absent fields stay as they are." })
export class UpdateAccountInput {
  @Field(() => String, { nullable: true, description: "A new password, at least 8 characters." })
  @IsOptional()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @Field(() => Role, { nullable: true, description: "A new role; it must come with its identifier." })
  @IsOptional()
  role?: Role;

  @Field(() => String, { nullable: true, description: "The person's name: 1 to 100 characters." })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => String, { nullable: true, description: "Department code, for STAFF and VOLUNTEER." })
  @IsOptional()
  @Length(1, 32)
  department?: string | null;

  @Field(() => String, { nullable: true, description: "Badge number, for VOLUNTEER." })
  @IsOptional()
  @Length(1, 32)
  badgeNo?: string | null;

  @Field(() => String, { nullable: true, description: "Student number, for STUDENT and VOLUNTEER." })
  @IsOptional()
  @Length(1, 32)
  studentNo?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Set true to reinstate an account." })
  @IsOptional()
  active?: boolean;
}
