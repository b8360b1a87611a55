import type { GraphQLObjectType, GraphQLSchema } from "graphql";
import { type AuthCheckerFn, buildSchemaSync, getMetadataStorage, type NonEmptyArray } from "type-graphql";
import { AccountResolver } from "../auth/account.resolver";
import { ForbiddenError, UnauthenticatedError } from "../errors/hall-error";
import { CalendarResolver } from "../calendar/calendar.resolver";
import { CatalogueResolver } from "../catalogue/catalogue.resolver";
import type { EventBus } from "../events/event-bus";
import { PluginConflictError } from "../plugin/compose";
import type { HallPlugin } from "../plugin/hall-plugin";
import type { HallContext } from "./hall-context";
import { TicketResolver } from "../queue/ticket.resolver";
import { WindowResolver } from "../windows/window.resolver";
import { CaseResolver } from "../cases/case.resolver";
import { ACCOUNTABILITY_RESOLVERS } from "../accountability";
import { StatsResolver } from "../stats/stats.resolver";
import { FeeResolver } from "../fees/fee.resolver";
import { AnnouncementResolver } from "../announcements/announcement.resolver";

/** The core's own resolvers; plugins add theirs. */
export const CORE_RESOLVERS: Function[] = [
  AccountResolver,
  CatalogueResolver,
  CalendarResolver,
  WindowResolver,
  TicketResolver,
  CaseResolver,
  ...ACCOUNTABILITY_RESOLVERS,
  StatsResolver,
  FeeResolver,
  AnnouncementResolver,
];

/**
 * `@Authorized()` means signed in; `@Authorized(Role.X, ...)` names roles; a plugin's
 * permission code grants the roles the plugin gave it.
 */
export const hallAuthChecker: AuthCheckerFn<HallContext, string> = ({ context }, required) => {
  const actor = context.actor;
  if (!actor) throw new UnauthenticatedError();
  if (required.length === 0) return true;
  const allowed = required.some(
    (need) => need === actor.role || context.services.permissions.allows(need, actor.role),
  );
  if (!allowed) throw new ForbiddenError();
  return true;
};

/**
 * Builds the schema from the core and the loaded plugins. Before the real build, each
 * plugin's types are found by building core + that plugin alone, so that two plugins
 * declaring one GraphQL type name are refused with both names rather than a bare
 * "multiple types named X" from graphql-js.
 */
export function buildHallSchema(plugins: HallPlugin[], events: EventBus | null): GraphQLSchema {
  assertNoTypeCollisions(plugins);
  const schema = build([...CORE_RESOLVERS, ...plugins.flatMap((p) => p.resolvers ?? [])], events);
  describeRoots(schema);
  return schema;
}

/** type-graphql leaves the root types undescribed; dashboards read these in GraphiQL. */
function describeRoots(schema: GraphQLSchema): void {
  const roots: Array<[GraphQLObjectType | null | undefined, string]> = [
    [schema.getQueryType(), "What the hall lets you read."],
    [schema.getMutationType(), "What the hall lets you change; each runs in one transaction."],
    [schema.getSubscriptionType(), "What you can watch live over graphql-ws, after each commit."],
  ];
  for (const [root, description] of roots) if (root) root.description = description;
}

function build(resolvers: Function[], events: EventBus | null): GraphQLSchema {
  return buildSchemaSync({
    resolvers: resolvers as NonEmptyArray<Function>,
    authChecker: hallAuthChecker,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    pubSub: {
      publish: (topic: string, payload: unknown) =>
        events?.publish({ topic, payload: payload as Record<string, unknown> }),
      subscribe: (topic: string) => {
        if (!events) throw new Error("no event bus");
        return events.subscribe(topic);
      },
    },
  });
}

function assertNoTypeCollisions(plugins: HallPlugin[]): void {
  const withResolvers = plugins.filter((p) => (p.resolvers ?? []).length > 0);
  if (withResolvers.length === 0) return;
  const coreNames = typeNames(build(CORE_RESOLVERS, null));
  const owners = new Map<string, string>();
  for (const plugin of withResolvers) {
    // A root field of the core's name would silently replace the core's; refuse it.
    for (const field of rootFieldsOf(plugin.resolvers!)) {
      if (coreNames.has(field)) throw new PluginConflictError(`GraphQL field "${field}"`, "core", plugin.code);
    }
    let names: Set<string>;
    try {
      names = typeNames(build([...CORE_RESOLVERS, ...plugin.resolvers!], null));
    } catch (error) {
      // graphql-js refuses two types of one name without saying whose they are.
      const clash = /multiple types named "([^"]+)"/.exec(String((error as Error).message));
      if (clash) throw new PluginConflictError(`GraphQL type "${clash[1]}"`, "core", plugin.code);
      throw error;
    }
    for (const name of names) {
      if (coreNames.has(name)) continue;
      const owner = owners.get(name);
      if (owner) {
        throw new PluginConflictError(`GraphQL ${name.includes(".") ? "field" : "type"} "${name}"`, owner, plugin.code);
      }
      owners.set(name, plugin.code);
    }
  }
}

/** The root fields a plugin's resolver classes declare, as "Query.field". */
function rootFieldsOf(resolvers: Function[]): string[] {
  const storage = getMetadataStorage();
  const of = (list: Array<{ target: Function; schemaName: string }>, root: string) =>
    list.filter((m) => resolvers.includes(m.target)).map((m) => `${root}.${m.schemaName}`);
  return [
    ...of(storage.queries, "Query"),
    ...of(storage.mutations, "Mutation"),
    ...of(storage.subscriptions, "Subscription"),
  ];
}

/** Type names, and root fields as "Query.field": plugins share the root types, not their fields. */
function typeNames(schema: GraphQLSchema): Set<string> {
  const names = new Set(Object.keys(schema.getTypeMap()));
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    names.delete(root.name);
    for (const field of Object.keys(root.getFields())) names.add(`${root.name}.${field}`);
  }
  return names;
}
