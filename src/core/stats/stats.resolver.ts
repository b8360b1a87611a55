import { Arg, Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { assertActsForDepartment, requireActor } from "../auth/access";
import { AccountEntity } from "../auth/account.entity";
import { type Actor, Role } from "../auth/role";
import { BadInputError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import type { Period } from "./stats.service";
import { FiguresView, HallStatsView, PeriodArgs } from "./stats.types";
import { combine, figuresOf, type Tally } from "./tally";

const MAX_DAYS = 366;

@Resolver()
export class StatsResolver {
  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => FiguresView, { description: "One department's figures over a period. Staff see their own department's." })
  async departmentStats(
    @Arg("department") department: string,
    @Args() args: PeriodArgs,
    @Ctx() context: HallContext,
  ): Promise<FiguresView> {
    const period = checkPeriod(args);
    context.services.departments.get(department);
    assertActsForDepartment(requireActor(context), department);
    const tallies = await context.services.stats.tally({ departments: [department] }, period);
    return view(period, combine(tallies.values()), department, null);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN, Role.VOLUNTEER)
  @Query(() => FiguresView, {
    description:
      "One volunteer's figures over a period, by badge. Staff see them within their own department; a volunteer sees only their own.",
  })
  async volunteerStats(
    @Arg("badgeNo") badgeNo: string,
    @Args() args: PeriodArgs,
    @Ctx() context: HallContext,
  ): Promise<FiguresView> {
    const period = checkPeriod(args);
    const actor = requireActor(context);
    if (actor.role === Role.VOLUNTEER && actor.badgeNo !== badgeNo) {
      throw new ForbiddenError("You may read only your own figures.");
    }
    await assertBadge(context, badgeNo);
    const scope = { departments: departmentsFor(actor, context), badgeNo };
    const tallies = await context.services.stats.tally(scope, period);
    const department = actor.role === Role.STAFF ? actor.department : null;
    return view(period, combine(tallies.values()), department, badgeNo);
  }

  @Authorized(Role.SUPERVISOR, Role.ADMIN)
  @Query(() => HallStatsView, { description: "The whole hall's figures over a period, with each department's." })
  async hallStats(@Args() args: PeriodArgs, @Ctx() context: HallContext): Promise<HallStatsView> {
    const period = checkPeriod(args);
    const codes = context.services.departments.codes();
    const tallies = await context.services.stats.tally({ departments: codes }, period);
    return {
      hall: view(period, combine(tallies.values()), null, null),
      departments: codes.map((code) => view(period, tallies.get(code)!, code, null)),
    };
  }
}

function checkPeriod(args: PeriodArgs): Period {
  const span = args.to.getTime() - args.from.getTime();
  if (!(span > 0)) throw new BadInputError("to", "The period ends after it starts.");
  if (span > MAX_DAYS * 24 * 3600_000) throw new BadInputError("to", `A period is at most ${MAX_DAYS} days.`);
  return { from: args.from, to: args.to };
}

/** Staff see a volunteer's work in their own department only; others see all of it. */
function departmentsFor(actor: Actor, context: HallContext): string[] {
  if (actor.role !== Role.STAFF) return context.services.departments.codes();
  return actor.department && context.services.departments.has(actor.department) ? [actor.department] : [];
}

async function assertBadge(context: HallContext, badgeNo: string): Promise<void> {
  const manager = context.services.database.manager;
  const found = await manager.findOne(AccountEntity, { select: { id: true }, where: { badgeNo } });
  if (!found) throw new NotFoundError(`Badge ${badgeNo}`);
}

function view(period: Period, tally: Tally, department: string | null, badgeNo: string | null): FiguresView {
  return { ...period, department, badgeNo, ...figuresOf(tally) } as FiguresView;
}
