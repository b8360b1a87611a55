import type { CalendarService } from "../calendar/calendar.service";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import type { Clock } from "../common/clock";
import type { HallConfig } from "../config/config";
import type { HallDatabase } from "../database/hall-database";
import type { EventBus } from "../events/event-bus";
import type { Logger } from "../logger";
import type { WindowService } from "../windows/window.service";
import { CoachingTalkService } from "./coaching-talk.service";
import { CommentBookService } from "./comment-book.service";
import { ComplaintService } from "./complaint.service";
import { DeadlineWatch } from "./deadline-watch";
import { FeedService } from "./feed.service";
import { FollowUpService } from "./follow-up.service";
import { LadderService } from "./ladder.service";
import { RatingService } from "./rating.service";
import { RequestAddresses } from "./request-addresses";

export interface AccountabilityParts {
  config: HallConfig;
  database: HallDatabase;
  events: EventBus;
  departments: DepartmentRegistry;
  calendar: CalendarService;
  windows: WindowService;
  clock: Clock;
  logger: Logger;
}

/** The accountability module's services, wired together; the composition spreads them into HallServices. */
export function createAccountabilityServices(parts: AccountabilityParts) {
  const { config, database, departments, calendar, clock } = parts;
  const ladder = new LadderService(database, config, clock);
  const followUps = new FollowUpService(database, calendar, config, clock);
  return {
    ladder,
    followUps,
    ratings: new RatingService(database, departments, followUps, ladder, clock),
    complaints: new ComplaintService(database, departments, calendar, ladder, config, clock),
    coachingTalks: new CoachingTalkService(database, departments, parts.windows, ladder, clock, parts.logger),
    commentBook: new CommentBookService(database, config, clock),
    feed: new FeedService(parts.events),
    deadlines: new DeadlineWatch(database, clock),
    requestAddresses: new RequestAddresses(),
  };
}

export type AccountabilityServices = ReturnType<typeof createAccountabilityServices>;
