import type { ServiceDefinition } from "../../core";

/** The Academic Affairs Office's services at the hall. */
export const catalogue: ServiceDefinition[] = [];
