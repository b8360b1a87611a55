import { IsOptional } from "class-validator";
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
import { In } from "typeorm";
import { assertActsForDepartment, Public, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { Department, ServiceItemView } from "../catalogue/catalogue.types";
import { ServiceItemEntity } from "../catalogue/service-item.entity";
import { requestLoader } from "../common/loaders";
import { decodeCursor, type Page, PageArgs, PageOf, pageSize, toPage } from "../common/pagination";
import { sqlTime } from "../database/time";
import type { HallContext } from "../server/hall-context";
import { queueTopic, ticketTopic } from "./queue-topics";
import {
  QueueEvent,
  QueueState,
  TicketOutcomeValue,
  TicketStatusValue,
  TicketView,
} from "./queue.types";
import { TicketEntity } from "./ticket.entity";

const TicketPage = PageOf(TicketView, "Ticket");
const AT_WINDOW = [Role.VOLUNTEER, Role.STAFF, Role.ADMIN];

@ArgsType()
class TicketsArgs extends PageArgs {
  @Field({ description: "Department code." })
  department!: string;

  @Field(() => TicketStatusValue, { nullable: true, description: "Only tickets in this state." })
  @IsOptional()
  status?: TicketStatusValue;

  @Field(() => String, { nullable: true, description: "Only this local day (YYYY-MM-DD)." })
  @IsOptional()
  day?: string;
}

interface QueueEventPayload {
  department: string;
  kind: string;
  number: string;
  window: string | null;
  waiting: number;
  at: string;
}

@Resolver(() => TicketView)
export class TicketResolver {
  @Authorized(Role.STUDENT, Role.VOLUNTEER, Role.STAFF, Role.ADMIN, Role.SUPERVISOR)
  @Mutation(() => TicketView, {
    description:
      "Takes a queue number. A student takes one for themselves; a volunteer at the door may take one for a walk-in, with or without a student number.",
  })
  takeTicket(
    @Arg("serviceCode") serviceCode: string,
    @Arg("studentNo", () => String, { nullable: true }) studentNo: string | null,
    @Ctx() context: HallContext,
  ) {
    return context.services.queue.take(requireActor(context), serviceCode, studentNo);
  }

  @Authorized(Role.VOLUNTEER, Role.STAFF)
  @Mutation(() => TicketView, {
    nullable: true,
    description: "Calls the oldest waiting number this window serves; null when nobody waits.",
  })
  callNext(@Arg("windowId", () => ID) windowId: string, @Ctx() context: HallContext) {
    return context.services.queue.callNext(requireActor(context), windowId);
  }

  @Authorized(...AT_WINDOW)
  @Mutation(() => TicketView, { description: "Calls a called number again." })
  recall(@Arg("ticketId", () => ID) ticketId: string, @Ctx() context: HallContext) {
    return context.services.queue.recall(requireActor(context), ticketId);
  }

  @Authorized(...AT_WINDOW)
  @Mutation(() => TicketView, { description: "The student has come to the window." })
  startServing(@Arg("ticketId", () => ID) ticketId: string, @Ctx() context: HallContext) {
    return context.services.queue.startServing(requireActor(context), ticketId);
  }

  @Authorized(...AT_WINDOW)
  @Mutation(() => TicketView, { description: "Ends the visit with its outcome." })
  completeTicket(
    @Arg("ticketId", () => ID) ticketId: string,
    @Arg("outcome", () => TicketOutcomeValue) outcome: TicketOutcomeValue,
    @Ctx() context: HallContext,
  ) {
    return context.services.queue.complete(requireActor(context), ticketId, outcome);
  }

  @Authorized(...AT_WINDOW)
  @Mutation(() => TicketView, { description: "The student did not come after the configured recalls." })
  markNoShow(@Arg("ticketId", () => ID) ticketId: string, @Ctx() context: HallContext) {
    return context.services.queue.markNoShow(requireActor(context), ticketId);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => TicketView, { description: "The student gives up their own number." })
  cancelTicket(@Arg("ticketId", () => ID) ticketId: string, @Ctx() context: HallContext) {
    return context.services.queue.cancel(requireActor(context), ticketId);
  }

  @Authorized()
  @Query(() => TicketView, { description: "A ticket the caller may see; NOT_FOUND otherwise." })
  ticket(@Arg("id", () => ID) id: string, @Ctx() context: HallContext) {
    return context.services.queue.visibleTicket(requireActor(context), id);
  }

  @Authorized(Role.STUDENT)
  @Query(() => TicketPage, { description: "The signed-in student's tickets, newest first." })
  async myTickets(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<TicketEntity>> {
    const actor = requireActor(context);
    return this.page(context, args, (q) => q.where("t.studentAccountId = :me", { me: actor.accountId }));
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN, Role.VOLUNTEER)
  @Query(() => TicketPage, { description: "A department's tickets, newest first. Staff see their own department." })
  async tickets(@Args() args: TicketsArgs, @Ctx() context: HallContext): Promise<Page<TicketEntity>> {
    const actor = requireActor(context);
    context.services.departments.get(args.department);
    if (actor.role === Role.VOLUNTEER) {
      const window = (await context.services.windows.list(args.department)).find(
        (w) => w.onDutyAccountId === actor.accountId,
      );
      if (!window) assertActsForDepartment(actor, args.department);
    } else {
      assertActsForDepartment(actor, args.department);
    }
    return this.page(context, args, (q) => {
      q.where("t.departmentCode = :department", { department: args.department });
      if (args.status) q.andWhere("t.status = :status", { status: args.status });
      if (args.day) q.andWhere("t.serviceDay = :day", { day: args.day });
      return q;
    });
  }

  @Public()
  @Query(() => QueueState, { description: "A department's queue now: waiting count and numbers at windows." })
  async queue(@Arg("department") department: string, @Ctx() { services }: HallContext): Promise<QueueState> {
    const state = await services.queue.queueState(department);
    return {
      department,
      waiting: state.waiting,
      serving: state.serving.map((t) => ({
        number: t.number,
        window: t.windowNumber ?? "",
        badgeNo: t.badgeNo,
        status: t.status as TicketStatusValue,
      })),
    };
  }

  @Public()
  @Subscription(() => QueueEvent, {
    description: "Every change of a department's queue, after it is committed. For boards and dashboards.",
    subscribe: ({ args, context }) => {
      (context as HallContext).services.departments.get(args.department);
      return (context as HallContext).services.events.subscribe(queueTopic(args.department));
    },
  })
  queueUpdated(@Root() event: QueueEventPayload, @Arg("department") _department: string): QueueEvent {
    return { ...event, at: new Date(event.at) } as QueueEvent;
  }

  @Authorized()
  @Subscription(() => TicketView, {
    description: "Changes of one ticket, for its student and for staff who may see it.",
    subscribe: async ({ args, context }) => {
      const ctx = context as HallContext;
      await ctx.services.queue.visibleTicket(requireActor(ctx), args.ticketId);
      return ctx.services.events.subscribe(ticketTopic(args.ticketId));
    },
  })
  ticketUpdated(
    @Root() _event: { ticketId: string },
    @Arg("ticketId", () => ID) ticketId: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.queue.visibleTicket(requireActor(context), ticketId);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Place in the queue while waiting; 1 is next." })
  position(@Root() ticket: TicketEntity, @Ctx() context: HallContext) {
    return requestLoader<TicketEntity, number | null>(context, "ticket.position", async (tickets) => {
      const positions = await context.services.queue.positions(tickets);
      return tickets.map((t) => positions.get(t.id) ?? null);
    }).load(ticket);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Minutes until the call, from recent service times at the department's staffed windows.",
  })
  async estimatedWaitMinutes(@Root() ticket: TicketEntity, @Ctx() context: HallContext) {
    if (ticket.status !== "WAITING") return null;
    const [position, rate] = await Promise.all([
      this.position(ticket, context),
      requestLoader<string, { minutes: number; windows: number }>(context, "queue.rates", async (codes) => {
        const rates = await context.services.queue.serviceRates([...codes]);
        return codes.map((code) => rates.get(code)!);
      }).load(ticket.departmentCode),
    ]);
    return position === null ? null : Math.round((position * rate.minutes) / rate.windows);
  }

  @FieldResolver(() => ServiceItemView, { nullable: true, description: "The service it was taken for." })
  service(@Root() ticket: TicketEntity, @Ctx() context: HallContext) {
    return requestLoader<string, ServiceItemEntity | null>(context, "service.byCode", async (codes) => {
      const items = await context.services.database.manager.findBy(ServiceItemEntity, { code: In([...codes]) });
      return codes.map((code) => items.find((i) => i.code === code) ?? null);
    }).load(ticket.serviceCode);
  }

  @FieldResolver(() => Department, { description: "The department whose queue it is in." })
  department(@Root() ticket: TicketEntity, @Ctx() { services }: HallContext) {
    return services.departments.get(ticket.departmentCode);
  }

  private async page(
    context: HallContext,
    args: PageArgs,
    scope: (query: ReturnType<HallContext["services"]["database"]["manager"]["createQueryBuilder"]>) => unknown,
  ): Promise<Page<TicketEntity>> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const query = context.services.database.manager.createQueryBuilder(TicketEntity, "t");
    scope(query);
    if (after) query.andWhere("(t.takenAt < :key OR (t.takenAt = :key AND t.id < :id))", after);
    const rows = await query
      .orderBy("t.takenAt", "DESC")
      .addOrderBy("t.id", "DESC")
      .take(size + 1)
      .getMany();
    return toPage(rows, size, (t) => ({ key: sqlTime(t.takenAt), id: t.id }));
  }
}
