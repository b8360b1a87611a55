import type { ServiceDefinition } from "../../core";

/** The IT Office's services at the hall. */
export const catalogue: ServiceDefinition[] = [];
