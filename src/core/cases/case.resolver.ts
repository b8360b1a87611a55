import { IsOptional, Max, Min } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from "type-graphql";
import { filter } from "@graphql-yoga/subscription";
import { In } from "typeorm";
import { AccountEntity } from "../auth/account.entity";
import { assertActsForDepartment, requireActor } from "../auth/access";
import { type Actor, Role } from "../auth/role";
import { Department } from "../catalogue/catalogue.types";
import { requestLoader } from "../common/loaders";
import { decodeCursor, type Page, PageArgs, PageOf, pageSize, toPage } from "../common/pagination";
import { sqlTime } from "../database/time";
import { ForbiddenError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import type { CaseEventEntity } from "./case-event.entity";
import { CASE_ALERTS_TOPIC, type CaseAlertPayload } from "./case-topics";
import { CaseEntity } from "./case.entity";
import {
  CaseAlert,
  CaseEventView,
  CaseStatusValue,
  CaseView,
  MaterialCountInput,
  OpenCaseInput,
  Responder,
} from "./case.types";

const CasePage = PageOf(CaseView, "Case");
const AT_DESK = [Role.VOLUNTEER, Role.STAFF];
const OVERSEERS = [Role.STAFF, Role.SUPERVISOR, Role.ADMIN];

@ArgsType()
class CasesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Department code; staff see only their own." })
  @IsOptional()
  department?: string;

  @Field(() => CaseStatusValue, { nullable: true, description: "Only cases in this state." })
  @IsOptional()
  status?: CaseStatusValue;
}

@ArgsType()
class DueSoonArgs extends CasesArgs {
  @Field(() => Int, { description: "Due within this many hours: 1 to 720." })
  @Min(1)
  @Max(720)
  withinHours!: number;
}

@Resolver(() => CaseView)
export class CaseResolver {
  @Authorized(...AT_DESK)
  @Mutation(() => CaseView, {
    description: "Opens a case; the caller is its first responder and owner until it is solved or handed over.",
  })
  openCase(@Arg("input") input: OpenCaseInput, @Ctx() context: HallContext) {
    return context.services.cases.open(requireActor(context), input);
  }

  @Authorized(...AT_DESK)
  @Mutation(() => CaseView, { description: "Records materials the student brought; complete materials start the clock." })
  receiveMaterials(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("materials", () => [MaterialCountInput]) materials: MaterialCountInput[],
    @Ctx() context: HallContext,
  ) {
    return context.services.cases.receiveMaterials(requireActor(context), caseId, materials);
  }

  @Authorized(...AT_DESK)
  @Mutation(() => CaseView, {
    description: "Hands the case to the responsible department; it stays with its owner until accepted.",
  })
  handOver(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("toDepartment") toDepartment: string,
    @Arg("reason") reason: string,
    @Arg("materialsReceived", () => [MaterialCountInput], { defaultValue: [] }) materials: MaterialCountInput[],
    @Ctx() context: HallContext,
  ) {
    return context.services.cases.handOver(requireActor(context), caseId, toDepartment, reason, materials);
  }

  @Authorized(Role.STAFF, Role.ADMIN)
  @Mutation(() => CaseView, { description: "Staff of the receiving department take the case over." })
  acceptCase(@Arg("caseId", () => ID) caseId: string, @Ctx() context: HallContext) {
    return context.services.cases.accept(requireActor(context), caseId);
  }

  @Authorized(Role.STAFF, Role.ADMIN)
  @Mutation(() => CaseView, { description: "The receiving department does not take it; it goes back to its owner." })
  declineCase(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("reason") reason: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.cases.decline(requireActor(context), caseId, reason);
  }

  @Authorized(...AT_DESK)
  @Mutation(() => CaseView, {
    description: "Closes the case with the answer the student was given; `referredTo` for a referral out of the hall.",
  })
  closeCase(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("answer") answer: string,
    @Arg("referredTo", () => String, { nullable: true }) referredTo: string | null,
    @Ctx() context: HallContext,
  ) {
    return context.services.cases.close(requireActor(context), caseId, answer, referredTo);
  }

  @Authorized(...AT_DESK)
  @Mutation(() => CaseView, { description: "Asks a supervisor for more working days, before the due date." })
  requestExtension(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("workingDays", () => Int) workingDays: number,
    @Arg("reason") reason: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.cases.requestExtension(requireActor(context), caseId, workingDays, reason);
  }

  @Authorized(Role.SUPERVISOR, Role.ADMIN)
  @Mutation(() => CaseView, { description: "A supervisor approves or refuses an extension, before the due date." })
  approveExtension(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("approve", { defaultValue: true }) approve: boolean,
    @Ctx() context: HallContext,
  ) {
    return context.services.cases.decideExtension(requireActor(context), caseId, approve);
  }

  @Authorized()
  @Query(() => CaseView, { description: "A case the caller may see; NOT_FOUND otherwise." })
  case(@Arg("id", () => ID) id: string, @Ctx() context: HallContext) {
    return context.services.cases.visible(requireActor(context), id);
  }

  @Authorized(Role.STUDENT)
  @Query(() => CasePage, { description: "The signed-in student's cases, newest first." })
  myCases(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<CaseEntity>> {
    const actor = requireActor(context);
    return page(context, args, "createdAt", "DESC", (q) => q.where("c.studentAccountId = :me", { me: actor.accountId }));
  }

  @Authorized(Role.VOLUNTEER)
  @Query(() => CasePage, { description: "Cases the signed-in volunteer owns now, newest first." })
  myOwnedCases(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<CaseEntity>> {
    const actor = requireActor(context);
    return page(context, args, "createdAt", "DESC", (q) => q.where("c.ownerAccountId = :me", { me: actor.accountId }));
  }

  @Authorized(...OVERSEERS)
  @Query(() => CasePage, { description: "A department's cases (with those handed to it), newest first." })
  cases(@Args() args: CasesArgs, @Ctx() context: HallContext): Promise<Page<CaseEntity>> {
    const department = scopeDepartment(requireActor(context), args.department, context);
    return page(context, args, "createdAt", "DESC", (q) => {
      q.where("1 = 1");
      if (department) {
        q.andWhere("(c.departmentCode = :d OR c.handoverToDepartment = :d)", { d: department });
      }
      if (args.status) q.andWhere("c.status = :status", { status: args.status });
    });
  }

  @Authorized(...OVERSEERS)
  @Query(() => CasePage, { description: "Open cases past their due time, most overdue first." })
  overdueCases(@Args() args: CasesArgs, @Ctx() context: HallContext): Promise<Page<CaseEntity>> {
    const department = scopeDepartment(requireActor(context), args.department, context);
    return page(context, args, "dueAt", "ASC", (q) => {
      q.where("c.status <> 'CLOSED' AND c.dueAt IS NOT NULL AND c.dueAt < :now", { now: sqlTime(context.services.clock.now()) });
      if (department) q.andWhere("c.departmentCode = :d", { d: department });
    });
  }

  @Authorized(...OVERSEERS)
  @Query(() => CasePage, { description: "Open cases due within the next hours, soonest first." })
  dueSoon(@Args() args: DueSoonArgs, @Ctx() context: HallContext): Promise<Page<CaseEntity>> {
    const department = scopeDepartment(requireActor(context), args.department, context);
    const now = context.services.clock.now();
    const until = new Date(now.getTime() + args.withinHours * 3600_000);
    return page(context, args, "dueAt", "ASC", (q) => {
      q.where("c.status <> 'CLOSED' AND c.dueAt >= :now AND c.dueAt <= :until", {
        now: sqlTime(now),
        until: sqlTime(until),
      });
      if (department) q.andWhere("c.departmentCode = :d", { d: department });
    });
  }

  @Authorized(...OVERSEERS)
  @Subscription(() => CaseAlert, {
    description:
      "Cases due soon, overdue, or whose handover was not accepted. Supervisors see the hall; staff their department.",
    subscribe: ({ args, context }) => {
      const ctx = context as HallContext;
      const actor = requireActor(ctx);
      if (!OVERSEERS.includes(actor.role)) throw new ForbiddenError();
      const scope = scopeDepartment(actor, args.department ?? undefined, ctx);
      // Other departments' alerts are dropped here: the field is non-null, so a resolver that
      // returned null for them sent this subscriber an error for each one.
      const mine = filter((alert: CaseAlertPayload) => !scope || alert.department === scope);
      return mine(ctx.services.events.subscribe<CaseAlertPayload>(CASE_ALERTS_TOPIC));
    },
  })
  caseAlerts(
    @Root() alert: CaseAlertPayload,
    @Arg("department", () => String, { nullable: true }) _department: string | null,
  ): CaseAlert {
    return { ...alert, dueAt: alert.dueAt ? new Date(alert.dueAt) : null, at: new Date(alert.at) } as CaseAlert;
  }

  @FieldResolver(() => [CaseEventView], { description: "The append-only history, oldest first." })
  history(@Root() item: CaseEntity, @Ctx() context: HallContext): Promise<CaseEventView[]> {
    return requestLoader<string, CaseEventView[]>(context, "case.history", async (ids) => {
      const byCase = await context.services.cases.history(ids);
      const actorIds = [...byCase.values()].flat().map((e) => e.actorAccountId);
      const actors = await responders(context, actorIds);
      return ids.map((id) =>
        (byCase.get(id) ?? []).map((event) => eventView(event, actors.get(event.actorAccountId ?? ""))),
      );
    }).load(item.id);
  }

  @FieldResolver(() => Responder, { description: "The volunteer or staff member who first received it." })
  async firstResponder(@Root() item: CaseEntity, @Ctx() context: HallContext): Promise<Responder> {
    return responder(context, item.firstResponderAccountId, item.firstResponderBadgeNo);
  }

  @FieldResolver(() => Responder, { description: "Who owns it now: exactly one person at every moment." })
  async owner(@Root() item: CaseEntity, @Ctx() context: HallContext): Promise<Responder> {
    return responder(context, item.ownerAccountId, item.ownerBadgeNo);
  }

  @FieldResolver(() => Department, { description: "The department responsible now." })
  department(@Root() item: CaseEntity, @Ctx() { services }: HallContext) {
    return services.departments.get(item.departmentCode);
  }
}

/**
 * Who acted, as a student may be shown it: a badge for volunteers, the department for staff,
 * no names. One query for all the accounts of a request.
 */
async function responders(context: HallContext, ids: Array<string | null>): Promise<Map<string, Responder>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const loader = requestLoader<string, AccountEntity | null>(context, "case.responder", async (keys) => {
    const rows = await context.services.database.manager.find(AccountEntity, {
      select: { id: true, role: true, department: true, badgeNo: true },
      where: { id: In([...keys]) },
    });
    return keys.map((key) => rows.find((row) => row.id === key) ?? null);
  });
  const accounts = await loader.loadMany(wanted);
  const byId = new Map<string, Responder>();
  wanted.forEach((id, i) => {
    const account = accounts[i];
    if (account && !(account instanceof Error)) byId.set(id, responderOf(account, account.badgeNo));
  });
  return byId;
}

async function responder(context: HallContext, accountId: string, badgeNo: string | null): Promise<Responder> {
  const found = (await responders(context, [accountId])).get(accountId);
  return found ? { ...found, badgeNo: badgeNo ?? found.badgeNo } : { badgeNo, role: null, department: null };
}

function responderOf(account: Pick<AccountEntity, "role" | "department">, badgeNo: string | null): Responder {
  return { badgeNo, role: account.role, department: account.role === Role.STAFF ? account.department : null };
}

function eventView(event: CaseEventEntity, actor: Responder | undefined): CaseEventView {
  return { ...event, actor: actor ? { ...actor, badgeNo: event.actorBadgeNo ?? actor.badgeNo } : null };
}

/** The department a list is limited to: staff always their own; others as asked. */
function scopeDepartment(actor: Actor, department: string | undefined, context: HallContext): string | null {
  if (department) context.services.departments.get(department);
  if (actor.role === Role.STAFF) {
    if (department) assertActsForDepartment(actor, department);
    return actor.department;
  }
  return department ?? null;
}

async function page(
  context: HallContext,
  args: PageArgs,
  key: "createdAt" | "dueAt",
  direction: "ASC" | "DESC",
  scope: (query: ReturnType<HallContext["services"]["database"]["manager"]["createQueryBuilder"]>) => unknown,
): Promise<Page<CaseEntity>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const query = context.services.database.manager.createQueryBuilder(CaseEntity, "c");
  scope(query);
  const cmp = direction === "ASC" ? ">" : "<";
  if (after) query.andWhere(`(c.${key} ${cmp} :key OR (c.${key} = :key AND c.id ${cmp} :id))`, after);
  const rows = await query
    .orderBy(`c.${key}`, direction)
    .addOrderBy("c.id", direction)
    .take(size + 1)
    .getMany();
  return toPage(rows, size, (c) => ({ key: sqlTime(c[key] ?? c.createdAt), id: c.id }));
}
