import type { HallConfig } from "./config/config";
import type { Logger } from "./logger";
import type { HallDatabase } from "./database/hall-database";
import type { EventBus } from "./events/event-bus";
import type { DepartmentRegistry } from "./catalogue/department-registry";
import type { AccountService } from "./auth/account.service";
import type { CatalogueService } from "./catalogue/catalogue.service";
import type { CalendarService } from "./calendar/calendar.service";
import type { AuditService } from "./audit/audit.service";
import type { PermissionRegistry } from "./auth/permission-registry";
import type { WindowService } from "./windows/window.service";
import type { QueueService } from "./queue/queue.service";
import type { CaseService } from "./cases/case.service";
import type { Clock } from "./common/clock";
import type { AccountabilityServices } from "./accountability/accountability-services";
import type { StatsService } from "./stats/stats.service";
import type { FeeService } from "./fees/fee.service";
import type { AnnouncementService } from "./announcements/announcement.service";

/**
 * The core's services, as resolvers (through the context) and plugins (through their
 * hooks) use them. A plugin reaches another department only through these.
 */
export interface HallServices {
  config: HallConfig;
  logger: Logger;
  database: HallDatabase;
  events: EventBus;
  departments: DepartmentRegistry;
  permissions: PermissionRegistry;
  accounts: AccountService;
  catalogue: CatalogueService;
  calendar: CalendarService;
  audit: AuditService;
  windows: WindowService;
  queue: QueueService;
  cases: CaseService;
  clock: Clock;
  ratings: AccountabilityServices["ratings"];
  followUps: AccountabilityServices["followUps"];
  commentBook: AccountabilityServices["commentBook"];
  complaints: AccountabilityServices["complaints"];
  coachingTalks: AccountabilityServices["coachingTalks"];
  ladder: AccountabilityServices["ladder"];
  feed: AccountabilityServices["feed"];
  deadlines: AccountabilityServices["deadlines"];
  requestAddresses: AccountabilityServices["requestAddresses"];
  stats: StatsService;
  /** Fees taken at the windows; plugins record theirs inside their own transaction. */
  fees: FeeService;
  announcements: AnnouncementService;
}
