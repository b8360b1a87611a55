import {
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { publicFields } from "../src/core/auth/access";
import { buildHallSchema, CORE_RESOLVERS } from "../src/core/server/schema";
import { offeredPlugins } from "../src/plugins";
import { startTestHall, type TestHall } from "./support/test-hall";

interface RootField {
  /** "Query.departments" */
  name: string;
  /** "CatalogueResolver.departments", as @Public() records it; null when no resolver declares it. */
  method: string | null;
  authorized: boolean;
  public: boolean;
}


/** The hall's own types: no introspection types, no built-in scalars. */
function hallTypeNames(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type))
    .map((type) => type.name);
}

/**
 * The types to check, known when the tests are declared; the same builder makes the running
 * hall's schema, and a test below holds the two lists equal.
 */
const HALL_TYPES = hallTypeNames(buildHallSchema(offeredPlugins, null));
const ROOT_TYPES = ["Query", "Mutation", "Subscription"];

describe("who may call each root field, and what each type means", () => {
  let hall: TestHall;
  let roots: RootField[];

  beforeAll(async () => {
    // This file checks the whole schema the build offers, whatever PLUGINS narrows a run to.
    hall = await startTestHall({ plugins: offeredPlugins.map((p) => p.code) });
    roots = rootFields();
  });
  afterAll(() => hall.stop());

  /** Every root field of the schema with the resolver method behind it, per type-graphql's metadata. */
  function rootFields(): RootField[] {
    const storage = getMetadataStorage();
    const classes = [...CORE_RESOLVERS, ...offeredPlugins.flatMap((plugin) => plugin.resolvers ?? [])];
    // A method may be declared on a base class that a loaded resolver extends.
    const isLoaded = (target: Function) =>
      classes.some((cls) => cls === target || cls.prototype instanceof target);
    const schema = hall.hall.schema;
    const kinds: Array<[GraphQLObjectType | null | undefined, typeof storage.queries]> = [
      [schema.getQueryType(), storage.queries],
      [schema.getMutationType(), storage.mutations],
      [schema.getSubscriptionType(), storage.subscriptions],
    ];
    return kinds.flatMap(([root, declared]) =>
      Object.keys(root?.getFields() ?? {}).map((field) => {
        const resolver = declared.find((meta) => meta.schemaName === field && isLoaded(meta.target));
        const name = `${root!.name}.${field}`;
        if (!resolver) return { name, method: null, authorized: false, public: false };
        const onMethod = storage.authorizedFields.some(
          (a) => a.target === resolver.target && a.fieldName === resolver.methodName,
        );
        const onClass = storage.authorizedResolver.some((a) => a.target === resolver.target);
        const authorized = onMethod || onClass;
        const method = `${resolver.target.name}.${resolver.methodName}`;
        return { name, method, authorized, public: publicFields.has(method) };
      }),
    );
  }

  it("finds the core's root fields, so the checks below check something", () => {
    expect(roots.map((r) => r.name)).toEqual(
      expect.arrayContaining(["Query.me", "Query.departments", "Mutation.login", "Mutation.createAccount"]),
    );
  });

  it("every Query, Mutation and Subscription field is @Authorized or @Public", () => {
    const unmarked = roots.filter((field) => !field.authorized && !field.public).map((field) => field.name);
    expect(unmarked).toEqual([]);
  });

  it("no root field is both @Authorized and @Public", () => {
    const both = roots.filter((field) => field.authorized && field.public).map((field) => field.name);
    expect(both).toEqual([]);
  });

  it("signing in is public, and account administration is not", () => {
    const byName = new Map(roots.map((field) => [field.name, field]));
    expect(byName.get("Mutation.login")).toMatchObject({ public: true, authorized: false });
    const administration = [
      "Query.accounts",
      "Mutation.createAccount",
      "Mutation.updateAccount",
      "Mutation.deactivateAccount",
    ];
    for (const name of administration) {
      expect(byName.get(name)).toMatchObject({ public: false, authorized: true });
    }
  });

  describe("descriptions", () => {
    function undescribed(type: GraphQLNamedType): string[] {
      const missing = type.description?.trim() || ROOT_TYPES.includes(type.name) ? [] : [type.name];
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
        }
      }
      return missing;
    }

    it("cover the hall's own types", () => {
      expect(HALL_TYPES).toEqual(expect.arrayContaining(["Account", "Department", "Role", "Query"]));
      expect(HALL_TYPES.sort()).toEqual(hallTypeNames(hall.hall.schema).sort());
    });

    it("the root types Query, Mutation and Subscription have descriptions", () => {
      const roots = ROOT_TYPES.map((name) => hall.hall.schema.getType(name)).filter(Boolean);
      expect(roots.filter((type) => !type!.description?.trim()).map((type) => type!.name)).toEqual([]);
    });

    for (const name of HALL_TYPES) {
      const title = ROOT_TYPES.includes(name)
        ? `each root field of ${name} has a description`
        : `${name} and each of its fields have a description`;
      it(title, () => {
        expect(undescribed(hall.hall.schema.getType(name)!)).toEqual([]);
      });
    }
  });
});
