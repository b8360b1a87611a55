/** Alerts on cases, for supervisors and the owning department. */
export type CaseAlertKind = "DUE_SOON" | "OVERDUE" | "HANDOVER_NOT_ACCEPTED";

/** One topic for the whole hall; subscribers filter by department after their check. */
export const CASE_ALERTS_TOPIC = "cases:alerts";

export interface CaseAlertPayload {
  kind: CaseAlertKind;
  caseId: string;
  department: string;
  dueAt: string | null;
  at: string;
}
