import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export const MAX_QUERY_DEPTH = 12;

/**
 * Refuses documents nested deeper than `max` fields. Nothing in the hall's schema needs
 * more, and a deep document is the cheapest way to make a server do a lot of work.
 */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          // Introspection (GraphiQL's schema query nests ofType far down) is not counted;
          // production turns introspection off altogether.
          if (selection.name.value.startsWith("__")) continue;
          deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set(seen).add(selection.name.value)));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`The query is ${depth} levels deep; at most ${max} are allowed.`, {
              nodes: [node],
            }),
          );
        }
      },
    };
  };
}

/** The rules every transport adds to graphql's own: the same on HTTP and WebSocket. */
export function hallValidationRules(production: boolean): ValidationRule[] {
  return production ? [depthLimit(MAX_QUERY_DEPTH), NoSchemaIntrospectionCustomRule] : [depthLimit(MAX_QUERY_DEPTH)];
}
