/** What happened to a queue, as boards hear it. */
export type QueueEventKind =
  | "TAKEN"
  | "CALLED"
  | "RECALLED"
  | "SERVING"
  | "COMPLETED"
  | "NO_SHOW"
  | "CANCELLED"
  | "RETURNED";

export const queueTopic = (department: string) => `queue:${department}`;
export const ticketTopic = (ticketId: string) => `ticket:${ticketId}`;
