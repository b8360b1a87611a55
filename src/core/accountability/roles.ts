import { Role } from "../auth/role";

/** Who watches the hall's accountability: the feed, complaints with identities, the ladder. */
export const SUPERVISING = [Role.SUPERVISOR, Role.ADMIN];

/** Who reads a department's side of it: its staff, and those supervising. */
export const OVERSEEING = [Role.STAFF, Role.SUPERVISOR, Role.ADMIN];

/** Who visits the hall as a student: volunteers are students too. */
export const VISITING = [Role.STUDENT, Role.VOLUNTEER];
