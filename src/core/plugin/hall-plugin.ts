import type { DataSource, MixedList } from "typeorm";
import type { Logger } from "../logger";
import type { HallConfig } from "../config/config";
import type { Role } from "../auth/role";
import type { HallServices } from "../hall-services";

/** A resident department, as a plugin brings it into the hall. */
export interface DepartmentDefinition {
  /** Stable code used in the API and in configuration, e.g. `student-affairs`. */
  code: string;
  name: string;
  nameEn: string;
  /** The letter (or letters) in front of this department's queue numbers, e.g. `A` in A017. */
  ticketPrefix: string;
}

export type CompletionMode = "ON_THE_SPOT" | "PROMISED";

/** One thing a student brings: a form, a photo, a card. */
export interface MaterialDefinition {
  name: string;
  nameEn?: string;
  count: number;
  /** Where the form comes from, e.g. the employment information website's download page. */
  source?: string;
}

/** A kind of one service with materials of its own (the report certificate's five kinds). */
export interface VariantDefinition {
  code: string;
  name: string;
  nameEn: string;
  materials: MaterialDefinition[];
  steps?: string[];
}

/** A catalogue entry as a plugin ships it; the core seeds it into the database. */
export interface ServiceDefinition {
  code: string;
  name: string;
  nameEn: string;
  description?: string;
  /** Who may use it or when it applies, e.g. the brochure's condition on report certificates. */
  condition?: string;
  feeFen: number;
  mode: CompletionMode;
  /** Only for PROMISED items: working days from the day after the materials are complete. */
  promisedWorkingDays?: number;
  materials: MaterialDefinition[];
  steps: string[];
  /** The hours it is offered, in the HALL_OPENING_HOURS format; absent means the hall's hours. */
  hours?: string;
  variants?: VariantDefinition[];
}

/** A permission a plugin defines, and the roles that hold it. */
export interface PermissionDefinition {
  code: string;
  description: string;
  roles: Role[];
}

/** What a plugin's hooks are given: the hall's services, never another plugin's internals. */
export interface PluginContext {
  config: HallConfig;
  logger: Logger;
  dataSource: DataSource;
  services: HallServices;
}

/**
 * A department plugin: a plain object the core composes into the hall. The core knows no
 * plugin by name; configuration (PLUGINS) says which of the offered plugins to load.
 */
export interface HallPlugin {
  /** Unique plugin code; by convention the department code. */
  code: string;
  department: DepartmentDefinition;
  /** TypeORM entity classes this plugin owns. */
  entities?: MixedList<Function>;
  /** type-graphql resolver classes. */
  resolvers?: Function[];
  /** Migrations for this plugin's tables, one list per dialect. */
  migrations?: { sqlite: Function[]; mysql: Function[] };
  /** Catalogue entries seeded on start; an admin's later edit is never overwritten. */
  catalogue?: ServiceDefinition[];
  permissions?: PermissionDefinition[];
  /** Pub/sub topics this plugin publishes on. */
  topics?: string[];
  /** Runs after the database is ready, in PLUGINS order. */
  start?(context: PluginContext): Promise<void> | void;
  /** Runs on shutdown, in reverse order. */
  stop?(context: PluginContext): Promise<void> | void;
}
