import { IsOptional } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { Public, requireActor } from "../auth/access";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import type { HallContext } from "../server/hall-context";
import { CommentBookEntryEntity } from "./comment-book-entry.entity";
import {
  CommentBookDecision,
  CommentBookEntryView,
  CommentBookStatusValue,
  WriteCommentBookEntryInput,
} from "./comment-book.types";
import { keysetPage } from "../common/pagination";
import { SUPERVISING } from "./roles";

const CommentBookPage = PageOf(CommentBookEntryView, "CommentBookEntry");

@ArgsType()
class EntriesArgs extends PageArgs {
  @Field(() => CommentBookStatusValue, { nullable: true, description: "Only entries in this state." })
  @IsOptional()
  status?: CommentBookStatusValue;
}

@Resolver(() => CommentBookEntryView)
export class CommentBookResolver {
  @Public()
  @Mutation(() => CommentBookEntryView, {
    description:
      "Writes in the comment book, signed in or not; limited per network address and hour. It is public once a supervisor publishes it.",
  })
  writeCommentBookEntry(@Arg("input") input: WriteCommentBookEntryInput, @Ctx() context: HallContext) {
    const { services } = context;
    const addressKey = services.requestAddresses.keyOf(context.requestId);
    return services.commentBook.write(context.actor, addressKey, input);
  }

  @Public()
  @Query(() => CommentBookPage, {
    description: "The public comment book: published entries and their answers, newest first.",
  })
  commentBook(@Args() args: PageArgs, @Ctx() { services }: HallContext): Promise<Page<CommentBookEntryEntity>> {
    const query = services.database.manager
      .createQueryBuilder(CommentBookEntryEntity, "e")
      .where("e.status = 'PUBLISHED'");
    return keysetPage(query, "writtenAt", "DESC", args);
  }

  @Authorized(...SUPERVISING)
  @Query(() => CommentBookPage, { description: "Every entry for moderation, newest first; by state if asked." })
  commentBookEntries(
    @Args() args: EntriesArgs,
    @Ctx() { services }: HallContext,
  ): Promise<Page<CommentBookEntryEntity>> {
    const query = services.database.manager.createQueryBuilder(CommentBookEntryEntity, "e");
    if (args.status) query.andWhere("e.status = :status", { status: args.status });
    return keysetPage(query, "writtenAt", "DESC", args);
  }

  @Authorized(...SUPERVISING)
  @Mutation(() => CommentBookEntryView, { description: "Publishes an entry, or hides it with a reason." })
  moderateCommentBookEntry(
    @Arg("id", () => ID) id: string,
    @Arg("decision", () => CommentBookDecision) decision: CommentBookDecision,
    @Arg("reason", () => String, { nullable: true, description: "Why it is hidden; required to hide." })
    reason: string | null,
    @Ctx() context: HallContext,
  ) {
    const publish = decision === CommentBookDecision.PUBLISH;
    return context.services.commentBook.moderate(requireActor(context), id, publish, reason);
  }

  @Authorized(...SUPERVISING)
  @Mutation(() => CommentBookEntryView, {
    description: "Answers an entry; the answer is public with a published entry.",
  })
  answerCommentBookEntry(
    @Arg("id", () => ID) id: string,
    @Arg("answer") answer: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.commentBook.answer(requireActor(context), id, answer);
  }
}
