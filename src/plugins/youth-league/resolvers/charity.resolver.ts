import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { type HallContext, type Page, PageArgs, Public, requestLoader, requireActor, Role } from "../../../core";
import type { CharityItemEntity } from "../entities/charity-item.entity";
import type { CharityLoanEntity } from "../entities/charity-loan.entity";
import { charityService } from "../services/charity.service";
import { AddCharityItemInput, CharityItem, CharityItemPage, CharityLoan, CharityLoanPage } from "./league.types";
import { DESK, MANAGE } from "./permissions";

@Resolver(() => CharityItem)
export class CharityItemResolver {
  @Public()
  @Query(() => CharityItemPage, { description: "What the charity desk lends, by name, with what is on the shelf." })
  charityItems(@Args() page: PageArgs, @Ctx() context: HallContext): Promise<Page<CharityItemEntity>> {
    return charityService(context.services).items(page.first, page.after);
  }

  @Authorized(MANAGE)
  @Mutation(() => CharityItem, { description: "Adds an item to the charity desk. League staff." })
  addCharityItem(@Arg("input") input: AddCharityItemInput, @Ctx() context: HallContext) {
    return charityService(context.services).addItem(requireActor(context), input);
  }

  @Authorized(MANAGE)
  @Mutation(() => CharityItem, { description: "Puts more of an item on the shelf. League staff." })
  restockCharityItem(
    @Arg("itemId", () => ID, { description: "The item." }) itemId: string,
    @Arg("count", () => Int, { description: "How many more: 1 to 1000." }) count: number,
    @Ctx() context: HallContext,
  ) {
    return charityService(context.services).restock(requireActor(context), itemId, count);
  }

  @FieldResolver(() => Int, { description: "How many are lent out now." })
  onLoan(@Root() item: CharityItemEntity, @Ctx() context: HallContext) {
    return requestLoader<string, number>(context, "youth-league.onLoan", async (ids) => {
      const out = await charityService(context.services).onLoan(ids);
      return ids.map((id) => out.get(id) ?? 0);
    }).load(item.id);
  }
}

@Resolver(() => CharityLoan)
export class CharityLoanResolver {
  @Authorized(DESK)
  @Mutation(() => CharityLoan, {
    description:
      "Lends one of an item to a student: refused when none is left, when the student has one out " +
      "already, or has an overdue item. At the League's window.",
  })
  lendCharityItem(
    @Arg("itemId", () => ID, { description: "The item." }) itemId: string,
    @Arg("studentNo", { description: "The borrower's student number." }) studentNo: string,
    @Ctx() context: HallContext,
  ) {
    return charityService(context.services).lend(requireActor(context), itemId, studentNo);
  }

  @Authorized(DESK)
  @Mutation(() => CharityLoan, { description: "Takes a lent item back onto the shelf. At the League's window." })
  returnCharityItem(
    @Arg("loanId", () => ID, { description: "The loan." }) loanId: string,
    @Ctx() context: HallContext,
  ) {
    return charityService(context.services).giveBack(requireActor(context), loanId);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => CharityLoanPage, {
    description: "Loans past their due date and not returned, longest overdue first. League staff.",
  })
  overdueCharityLoans(@Args() page: PageArgs, @Ctx() context: HallContext): Promise<Page<CharityLoanEntity>> {
    return charityService(context.services).overdue(requireActor(context), page.first, page.after);
  }

  @Authorized(Role.STUDENT)
  @Query(() => CharityLoanPage, { description: "The signed-in student's loans, newest first." })
  myCharityLoans(@Args() page: PageArgs, @Ctx() context: HallContext): Promise<Page<CharityLoanEntity>> {
    return charityService(context.services).mine(requireActor(context), page.first, page.after);
  }

  @FieldResolver(() => CharityItem, { description: "The item lent." })
  item(@Root() loan: CharityLoanEntity, @Ctx() context: HallContext) {
    return requestLoader<string, CharityItemEntity>(context, "youth-league.itemById", async (ids) => {
      const found = await charityService(context.services).itemsByIds(ids);
      return ids.map((id) => found.get(id) ?? new Error(`charity item ${id} is gone`));
    }).load(loan.itemId);
  }

  @FieldResolver({ description: "Whether it is past its due date and not back." })
  overdue(@Root() loan: CharityLoanEntity, @Ctx() context: HallContext): boolean {
    return !loan.returnedAt && loan.dueAt.getTime() < context.services.clock.now().getTime();
  }
}
