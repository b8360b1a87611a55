import type { ServiceDefinition } from "../../core";

/** The Student Affairs Department's services at the hall. */
export const catalogue: ServiceDefinition[] = [];
