import type { ServiceDefinition } from "../../core";

/** The Youth League Committee's services at the hall. */
export const catalogue: ServiceDefinition[] = [];
