import { CASE_ALERTS_TOPIC, type CaseAlertPayload } from "../cases/case-topics";
import type { EventBus } from "../events/event-bus";
import { ACCOUNTABILITY_FEED_TOPIC, type FeedPayload } from "./feed-topics";
import { mapEvents, mergeEvents } from "./merge-events";

/**
 * The supervisors' live feed: complaints, bad ratings, flags and missed deadlines from this
 * module's topic, and overdue cases from the cases' alerts, merged into one stream.
 */
export class FeedService {
  private open = 0;

  constructor(private readonly events: EventBus) {}

  /** Feed subscriptions open in this process, for tests and for operators. */
  get subscribers(): number {
    return this.open;
  }

  subscribe(): AsyncIterableIterator<FeedPayload> {
    this.open += 1;
    const own = this.events.subscribe<FeedPayload>(ACCOUNTABILITY_FEED_TOPIC);
    const cases = mapEvents(this.events.subscribe<CaseAlertPayload>(CASE_ALERTS_TOPIC), overdueCase);
    return mergeEvents<FeedPayload>([own, cases], () => {
      this.open -= 1;
    });
  }
}

/** Only OVERDUE belongs in the feed; due-soon and handover alerts are the departments' business. */
function overdueCase(alert: CaseAlertPayload): FeedPayload | null {
  if (alert.kind !== "OVERDUE") return null;
  return {
    kind: "CASE_OVERDUE",
    at: alert.at,
    summary: `A case of ${alert.department} is past its due time.`,
    department: alert.department,
    badgeNo: null,
    complaintId: null,
    complaintStatus: null,
    ratingId: null,
    ratingLevel: null,
    followUpId: null,
    caseId: alert.caseId,
    flagRule: null,
  };
}
