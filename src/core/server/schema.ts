import type { GraphQLSchema } from "graphql";
import { type AuthCheckerFn, buildSchemaSync, type NonEmptyArray } from "type-graphql";
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

/** The core's own resolvers; plugins add theirs. */
export const CORE_RESOLVERS: Function[] = [
  AccountResolver,
  CatalogueResolver,
  CalendarResolver,
  WindowResolver,
  TicketResolver,
  CaseResolver,
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
  return build([...CORE_RESOLVERS, ...plugins.flatMap((p) => p.resolvers ?? [])], events);
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
  if (withResolvers.length < 2) return;
  const coreTypes = typeNames(build(CORE_RESOLVERS, null));
  const owners = new Map<string, string>();
  for (const plugin of withResolvers) {
    for (const name of typeNames(build([...CORE_RESOLVERS, ...plugin.resolvers!], null))) {
      if (coreTypes.has(name)) continue;
      const owner = owners.get(name);
      if (owner) throw new PluginConflictError(`GraphQL ${name.includes(".") ? "field" : "type"} "${name}"`, owner, plugin.code);
      owners.set(name, plugin.code);
    }
  }
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
