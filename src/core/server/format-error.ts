import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import type { ValidationError } from "class-validator";
import { HallError } from "../errors/hall-error";
import type { Logger } from "../logger";
import { currentRequestId } from "./request-scope";

/**
 * The one place where errors become what a client sees, for HTTP and WebSocket alike.
 * Hall errors keep their code and details; validation failures name the field at fault;
 * GraphQL's own request errors pass through; everything else is masked as INTERNAL with a
 * request id, and logged with its stack.
 */
export function createErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (original instanceof HallError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof ArgumentValidationError) {
      const failure = firstFailure(original.extensions.validationErrors as ValidationError[]);
      return {
        ...base,
        message: failure ? failure.message : "The input is not valid.",
        extensions: { code: "BAD_USER_INPUT", field: failure?.field },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
      // GraphQL's own request errors (parse, validation, variable coercion): safe to show.
      const extensions = { ...formatted.extensions };
      if (production) delete extensions.stacktrace;
      return { ...base, extensions };
    }
    const requestId = currentRequestId();
    logger.error({ err: original, requestId, path: formatted.path }, "unexpected error");
    return {
      message: `Something went wrong on our side. Quote request ${requestId ?? "(none)"} when asking for help.`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL", requestId },
    };
  };
}

/** The deepest failing property, as `input.materials.0.count` shortened to its last name. */
function firstFailure(errors: ValidationError[] | undefined): { field: string; message: string } | null {
  let current = errors?.[0];
  while (current && !current.constraints && current.children?.length) current = current.children[0];
  if (!current) return null;
  const message = Object.values(current.constraints ?? {})[0] ?? `${current.property} is not valid`;
  return { field: current.property, message };
}
