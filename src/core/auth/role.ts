import { registerEnumType } from "type-graphql";

/** The five kinds of account in the hall. */
export enum Role {
  STUDENT = "STUDENT",
  VOLUNTEER = "VOLUNTEER",
  STAFF = "STAFF",
  SUPERVISOR = "SUPERVISOR",
  ADMIN = "ADMIN",
}

registerEnumType(Role, {
  name: "Role",
  description: "What an account is in the hall.",
  valuesConfig: {
    STUDENT: { description: "A student, signed in with a student number." },
    VOLUNTEER: { description: "A student volunteer serving at a window under a badge number." },
    STAFF: { description: "A member of one resident department." },
    SUPERVISOR: { description: "Watches complaints, ratings and overdue cases across the hall." },
    ADMIN: { description: "Runs the hall: departments, windows, accounts, calendar, catalogue." },
  },
});

export const ROLES = Object.values(Role);

/** The caller of a request, as the hall knows them after checking their token. */
export interface Actor {
  accountId: string;
  account: string;
  role: Role;
  name: string;
  /** The department of a STAFF account (and of a volunteer assigned to one). */
  department: string | null;
  badgeNo: string | null;
  studentNo: string | null;
}
