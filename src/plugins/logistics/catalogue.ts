import type { ServiceDefinition } from "../../core";

/** The Logistics Office's services at the hall. */
export const catalogue: ServiceDefinition[] = [];
