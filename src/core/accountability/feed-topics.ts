import type { Outbox } from "../database/hall-database";

/** One topic for the supervisors' feed; case alerts come from the cases' own topic. */
export const ACCOUNTABILITY_FEED_TOPIC = "accountability:feed";

export type FeedEventKind =
  | "COMPLAINT_FILED"
  | "COMPLAINT_STATUS_CHANGED"
  | "COMPLAINT_APPEALED"
  | "APPEAL_DECIDED"
  | "BAD_RATING"
  | "VOLUNTEER_FLAGGED"
  | "COACHING_TALK_RECORDED"
  | "VOLUNTEER_REINSTATED"
  | "ACKNOWLEDGEMENT_MISSED"
  | "CONCLUSION_MISSED"
  | "APPEAL_DECISION_MISSED"
  | "FOLLOW_UP_MISSED"
  | "CASE_OVERDUE";

/** What travels on the topic: plain JSON, so it crosses Redis unchanged. */
export interface FeedPayload {
  kind: FeedEventKind;
  at: string;
  summary: string;
  department: string | null;
  badgeNo: string | null;
  complaintId: string | null;
  complaintStatus: string | null;
  ratingId: string | null;
  ratingLevel: string | null;
  followUpId: string | null;
  caseId: string | null;
  flagRule: string | null;
}

export type FeedFacts = Partial<Omit<FeedPayload, "kind" | "at" | "summary">>;

const EMPTY: Omit<FeedPayload, "kind" | "at" | "summary"> = {
  department: null,
  badgeNo: null,
  complaintId: null,
  complaintStatus: null,
  ratingId: null,
  ratingLevel: null,
  followUpId: null,
  caseId: null,
  flagRule: null,
};

/** Queues a feed event; it reaches subscribers once the transaction has committed. */
export function toFeed(outbox: Outbox, kind: FeedEventKind, at: Date, summary: string, facts: FeedFacts) {
  const payload: FeedPayload = { ...EMPTY, ...facts, kind, at: at.toISOString(), summary };
  outbox.publish(ACCOUNTABILITY_FEED_TOPIC, payload as unknown as Record<string, unknown>);
}
