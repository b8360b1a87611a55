/**
 * What plugin authors use: the plugin contract, the hall's services and errors, and the
 * helpers for access checks, pagination and columns. Plugins import from here only.
 */
export type {
  CompletionMode,
  DepartmentDefinition,
  HallPlugin,
  MaterialDefinition,
  PermissionDefinition,
  PluginContext,
  ServiceDefinition,
  VariantDefinition,
} from "./plugin/hall-plugin";
export type { HallServices } from "./hall-services";
export type { HallContext } from "./server/hall-context";
export type { Outbox } from "./database/hall-database";
export { Role, type Actor } from "./auth/role";
export { Public, requireActor, requireRole, assertActsForDepartment } from "./auth/access";
export * from "./errors/hall-error";
export * from "./common/pagination";
export * from "./database/columns";
export { sqlTime } from "./database/time";
export { createHall, type Hall, type HallOptions } from "./hall";
export { loadConfig, ConfigError, type HallConfig } from "./config/config";
export { createLogger, type Logger } from "./logger";
export { requestLoader } from "./common/loaders";
export { isUniqueViolation } from "./database/unique-violation";
export { assertLocalDate } from "./calendar/calendar.service";
export type { HallCalendar, LocalDate } from "./calendar/hall-calendar";
export { assertAtDesk } from "./auth/desk-access";
export type { FeeFields, FeeService } from "./fees/fee.service";
export { MaterialCountInput } from "./cases/case.types";
export { MaterialCountView } from "./cases/case.types";
export { ACCOUNTABILITY_FEED_TOPIC, type FeedPayload, type FeedEventKind } from "./accountability";
export type { RatingLevel, RatingReason } from "./accountability/rating.entity";
export type { ComplaintStatus } from "./accountability/complaint.entity";
