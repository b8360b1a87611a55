import type { ServiceDefinition } from "../../core";

/** The Security Office's services at the hall. */
export const catalogue: ServiceDefinition[] = [];
