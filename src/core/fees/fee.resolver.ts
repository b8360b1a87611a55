import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { assertActsForDepartment, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import type { HallContext } from "../server/hall-context";
import type { FeeRecordEntity } from "./fee-record.entity";
import type { DailyReconciliation } from "./fee.service";
import { FeeReconciliation, FeeRecord, FeesArgs, FeeTaker, RecordFeeInput } from "./fee.types";

const FeeRecordPage = PageOf(FeeRecord, "FeeRecord");
const OVERSEERS = [Role.STAFF, Role.SUPERVISOR, Role.ADMIN];

@Resolver(() => FeeRecord)
export class FeeResolver {
  @Authorized(Role.VOLUNTEER, Role.STAFF)
  @Mutation(() => FeeRecord, {
    description:
      "Records a payment taken at a window and gives it the department's next receipt number. " +
      "Staff of the service's department and volunteers on duty at its windows.",
  })
  recordFee(@Arg("input") input: RecordFeeInput, @Ctx() context: HallContext) {
    return context.services.fees.recordFee(requireActor(context), input);
  }

  @Authorized(...OVERSEERS)
  @Query(() => FeeRecordPage, {
    description: "A department's fees of one local day, in receipt order. Staff see their own department.",
  })
  fees(@Args() args: FeesArgs, @Ctx() context: HallContext): Promise<Page<FeeRecordEntity>> {
    assertActsForDepartment(requireActor(context), args.department);
    return context.services.fees.list(args.department, args.day, args.first, args.after);
  }

  @Authorized(...OVERSEERS)
  @Query(() => FeeReconciliation, {
    description: "Count and sum of a department's fees on one local day, per service and per taker.",
  })
  dailyReconciliation(
    @Arg("department") department: string,
    @Arg("day", { description: "The hall's local day, YYYY-MM-DD." }) day: string,
    @Ctx() context: HallContext,
  ): Promise<DailyReconciliation> {
    assertActsForDepartment(requireActor(context), department);
    return context.services.fees.dailyReconciliation(department, day);
  }

  @Authorized(Role.STUDENT, Role.VOLUNTEER)
  @Query(() => FeeRecordPage, { description: "What the signed-in student paid, newest first." })
  myFees(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<FeeRecordEntity>> {
    return context.services.fees.forStudent(requireActor(context), args.first, args.after);
  }

  @FieldResolver(() => FeeTaker, { description: "Who took the money." })
  takenBy(@Root() record: FeeRecordEntity, @Ctx() context: HallContext): FeeTaker {
    // A student knows the volunteer by the badge on duty, never by name.
    const role = context.actor?.role;
    const seesName = role === Role.STAFF || role === Role.SUPERVISOR || role === Role.ADMIN;
    return {
      accountId: record.takenByAccountId,
      badgeNo: record.takenByBadgeNo,
      name: seesName ? record.takenByName : null,
    };
  }
}
