import type { Server } from "node:http";
import {
  type ExecutionArgs,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { HallError } from "../errors/hall-error";
import type { Logger } from "../logger";
import type { Actor } from "../auth/role";
import type { HallContext } from "./hall-context";
import { newRequestId, runInRequest } from "./request-scope";
import { hallValidationRules } from "./validation-rules";

const MAX_MESSAGE_BYTES = 64 * 1024;

export interface WsParts {
  httpServer: Server;
  schema: GraphQLSchema;
  production: boolean;
  logger: Logger;
  /** Checks a token as HTTP does; throws a HallError when it is not valid. */
  authenticate(authorization: string): Promise<{ actor: Actor; expiresAt: Date }>;
  contextFor(actor: Actor | null, requestId: string): HallContext;
  formatError: (formatted: { message: string }, error: unknown) => unknown;
}

interface SocketState {
  authorization: string | null;
  actor: Actor | null;
  expiryTimer?: NodeJS.Timeout;
}

/**
 * graphql-ws on the same port and path as HTTP. It runs only subscriptions (queries and
 * mutations belong to HTTP, where Apollo's plugins and CSRF checks apply), with the same
 * validation rules, the same error masking and the same token check, at connect and again
 * on every subscribe. A socket is closed when its token expires or its account is
 * deactivated.
 */
export function startWebSocketServer(parts: WsParts) {
  const wss = new WebSocketServer({ server: parts.httpServer, path: "/graphql", maxPayload: MAX_MESSAGE_BYTES });
  const socketsByAccount = new Map<string, Set<WebSocket>>();
  const rules = [...specifiedRules, ...hallValidationRules(parts.production)];
  const states = new WeakMap<WebSocket, SocketState>();

  const forget = (socket: WebSocket) => {
    const state = states.get(socket);
    if (state?.expiryTimer) clearTimeout(state.expiryTimer);
    if (!state?.actor) return;
    const sockets = socketsByAccount.get(state.actor.accountId);
    sockets?.delete(socket);
    if (sockets?.size === 0) socketsByAccount.delete(state.actor.accountId);
  };

  const disposable = useServer(
    {
      isProd: parts.production,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const authorization = readAuthorization(ctx.connectionParams);
        const state: SocketState = { authorization, actor: null };
        states.set(socket, state);
        socket.once("close", () => forget(socket));
        if (!authorization) return true;
        try {
          const { actor, expiresAt } = await parts.authenticate(authorization);
          state.actor = actor;
          track(socketsByAccount, actor.accountId, socket);
          const delay = Math.max(0, Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
          state.expiryTimer = setTimeout(() => socket.close(CloseCode.Forbidden, "Token expired"), delay);
          return true;
        } catch (error) {
          if (error instanceof HallError) return false;
          throw error;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const state = states.get(ctx.extra.socket);
        const requestId = newRequestId();
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [withCode(error as GraphQLError, "GRAPHQL_PARSE_FAILED")];
        }
        const errors = validate(parts.schema, document, rules);
        if (errors.length > 0) {
          return errors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED"));
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== "subscription") {
          return [new GraphQLError("Only subscriptions run over WebSocket; send queries and mutations over HTTP.", { extensions: { code: "BAD_REQUEST" } })];
        }
        // Coerced here, as Apollo does on HTTP: graphql-js would report a bad variable without a
        // code, and the formatter would mask it.
        const variables = getVariableValues(
          parts.schema,
          operation.variableDefinitions ?? [],
          payload.variables ?? {},
        );
        if (variables.errors) {
          return variables.errors.map((error) => withCode(error, "BAD_USER_INPUT"));
        }
        // Check the token again: the account may have been deactivated since connecting.
        let actor: Actor | null = null;
        if (state?.authorization) {
          try {
            actor = (await parts.authenticate(state.authorization)).actor;
          } catch (error) {
            if (error instanceof HallError) {
              return [new GraphQLError(error.message, { extensions: { code: error.code } })];
            }
            throw error;
          }
        }
        const args: ExecutionArgs = {
          schema: parts.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: parts.contextFor(actor, requestId),
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as HallContext).requestId;
        return runInRequest(requestId, () => ({
          ...result,
          errors: result.errors!.map((error) => parts.formatError(error.toJSON(), error)),
        })) as never;
      },
      onError: (_ctx, _id, _payload, errors) =>
        runInRequest(newRequestId(), () =>
          errors.map((error) => parts.formatError(error.toJSON(), error)),
        ) as never,
    },
    wss,
  );

  return {
    /** Closes every socket of an account, when it is deactivated or its role changes. */
    closeAccount(accountId: string): void {
      for (const socket of socketsByAccount.get(accountId) ?? []) {
        socket.close(CloseCode.Forbidden, "Account deactivated or changed");
      }
      socketsByAccount.delete(accountId);
    },
    async close(): Promise<void> {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * GraphQL's own request errors carry no code; Apollo adds one on HTTP, and without one the
 * formatter would mask a plain mistake in the document as INTERNAL.
 */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

function readAuthorization(params: Readonly<Record<string, unknown>> | undefined): string | null {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value !== "string" || !value.trim()) return null;
  return value.replace(/^Bearer\s+/i, "").trim();
}

function track(map: Map<string, Set<WebSocket>>, accountId: string, socket: WebSocket): void {
  const set = map.get(accountId) ?? new Set<WebSocket>();
  set.add(socket);
  map.set(accountId, set);
}
