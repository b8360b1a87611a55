import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum CommentBookStatusValue {
  PENDING = "PENDING",
  PUBLISHED = "PUBLISHED",
  HIDDEN = "HIDDEN",
}
registerEnumType(CommentBookStatusValue, {
  name: "CommentBookStatus",
  description: "Where a comment-book entry stands.",
  valuesConfig: {
    PENDING: { description: "Written, not yet read by a supervisor." },
    PUBLISHED: { description: "Public, with its answer." },
    HIDDEN: { description: "Kept from the public, with a reason." },
  },
});

export enum CommentBookDecision {
  PUBLISH = "PUBLISH",
  HIDE = "HIDE",
}
registerEnumType(CommentBookDecision, {
  name: "CommentBookDecision",
  description: "What a supervisor does with an entry.",
  valuesConfig: {
    PUBLISH: { description: "Show it in the public comment book." },
    HIDE: { description: "Keep it from the public; a reason is required." },
  },
});

@ObjectType("CommentBookEntry", { description: "An entry of the hall's comment book (意见簿) and its answer." })
export class CommentBookEntryView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field({ description: "What was written." })
  text!: string;

  @Field(() => String, { nullable: true, description: "The name the writer signed with, if any." })
  signature!: string | null;

  @Field({ description: "When it was written (UTC)." })
  writtenAt!: Date;

  @Field(() => CommentBookStatusValue, { description: "Where it stands; public lists hold only PUBLISHED." })
  status!: CommentBookStatusValue;

  @Field(() => String, { nullable: true, description: "Why it was hidden, for a hidden entry." })
  hiddenReason!: string | null;

  @Field(() => String, { nullable: true, description: "The hall's answer." })
  answer!: string | null;

  @Field(() => Date, { nullable: true, description: "When it was answered (UTC)." })
  answeredAt!: Date | null;
}

@InputType({ description: "A new comment-book entry." })
export class WriteCommentBookEntryInput {
  @Field({ description: "What to say: 1 to 2000 characters." })
  @Length(1, 2000)
  text!: string;

  @Field(() => String, { nullable: true, description: "A name to sign with; leave out to stay anonymous." })
  @IsOptional()
  @MaxLength(64)
  signature?: string;
}
