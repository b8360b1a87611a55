import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  assertLocalDate,
  type HallContext,
  type Page,
  PageArgs,
  requestLoader,
  requireActor,
  Role,
} from "../../../core";
import type { YibanLedgerEntryEntity } from "../entities/yiban-ledger-entry.entity";
import type { YibanPrintCodeEntity } from "../entities/yiban-print-code.entity";
import { yibanService } from "../services/yiban.service";
import { PrintCode, PrintCodePage, YibanAccount, YibanLedgerPage, YibanPrintResult } from "./yiban.types";

/** IT staff (and admins) credit points. */
export const CREDIT_POINTS = "it-office.yiban.credit";
/** Who works the print desk: IT staff, the volunteer on duty there, admins. */
export const PRINT_DESK = "it-office.yiban.printDesk";

@Resolver(() => YibanAccount)
export class YibanResolver {
  @Authorized(Role.STUDENT)
  @Query(() => YibanAccount, { description: "The signed-in student's Yiban printing account." })
  myYibanAccount(@Ctx() context: HallContext) {
    const actor = requireActor(context);
    return yibanService(context.services).balance(actor.accountId, actor.studentNo ?? "");
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => YibanAccount, { description: "A student's Yiban account. IT Office staff, supervisors and admins." })
  yibanAccount(
    @Arg("studentNo", { description: "The student's number." }) studentNo: string,
    @Ctx() context: HallContext,
  ) {
    const yiban = yibanService(context.services);
    yiban.assertItStaff(requireActor(context), true);
    return yiban.balanceOf(studentNo);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => PrintCodePage, { description: "Print codes of one local day, newest first. IT Office staff." })
  yibanPrintCodes(
    @Arg("day", { description: "The local day, YYYY-MM-DD." }) day: string,
    @Args() page: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<YibanPrintCodeEntity>> {
    assertLocalDate(day, "day");
    return yibanService(context.services).codesOn(requireActor(context), day, page.first, page.after);
  }

  @Authorized(CREDIT_POINTS)
  @Mutation(() => YibanAccount, {
    description: "Credits Yiban points to a student, with the reason. IT Office staff.",
  })
  creditYibanPoints(
    @Arg("studentNo", { description: "The student's number." }) studentNo: string,
    @Arg("points", () => Int, { description: "Points to add: 1 to 100000." }) points: number,
    @Arg("note", { description: "Why, in up to 200 characters." }) note: string,
    @Ctx() context: HallContext,
  ) {
    return yibanService(context.services).credit(requireActor(context), studentNo, points, note);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => YibanAccount, {
    description:
      "Exchanges points for pages: each bundle costs 80 points and gives 20 pages. Without enough " +
      "points the whole exchange is refused (CONFLICT, with the shortfall).",
  })
  exchangePrintPages(
    @Arg("bundles", () => Int, { description: "How many bundles of 20 pages: 1 to 50." }) bundles: number,
    @Ctx() context: HallContext,
  ) {
    return yibanService(context.services).exchange(requireActor(context), bundles);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => PrintCode, { description: "Takes today's print code; one a day (a second is CONFLICT)." })
  issuePrintCode(@Ctx() context: HallContext) {
    return yibanService(context.services).issueCode(requireActor(context));
  }

  @Authorized(PRINT_DESK)
  @Mutation(() => YibanPrintResult, {
    description:
      "Prints with a student's code at the print desk, in its opening hours: the code must be " +
      "today's and unused, and the pages are taken from the student's quota.",
  })
  async usePrintCode(
    @Arg("code", { description: "The code the student shows." }) code: string,
    @Arg("pages", () => Int, { description: "Pages printed: 1 to 500." }) pages: number,
    @Ctx() context: HallContext,
  ): Promise<YibanPrintResult> {
    const used = await yibanService(context.services).useCode(requireActor(context), code, pages);
    return { printCode: used.code, pagesLeft: used.pagesLeft };
  }

  @FieldResolver(() => YibanLedgerPage, { description: "How the balance came about, newest first." })
  ledger(
    @Root() account: YibanAccount,
    @Args() page: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<YibanLedgerEntryEntity>> {
    return yibanService(context.services).ledger(account.studentAccountId, page.first, page.after);
  }

  @FieldResolver(() => PrintCode, { nullable: true, description: "Today's print code, once taken." })
  todayPrintCode(@Root() account: YibanAccount, @Ctx() context: HallContext) {
    return requestLoader<string, YibanPrintCodeEntity | null>(context, "it-office.todayCode", async (ids) => {
      const codes = await yibanService(context.services).todayCodes(ids);
      return ids.map((id) => codes.get(id) ?? null);
    }).load(account.studentAccountId);
  }
}
