import type { TestHall } from "./test-hall";

/**
 * A staff account of some loaded department other than `mine`, for "staff see only their own
 * department's" checks; null when `mine` runs alone (PLUGINS=<one>) and there is no other.
 */
export async function otherDepartmentStaff(hall: TestHall, mine: string, account: string) {
  const other = hall.hall.services.departments.codes().find((code) => code !== mine);
  if (!other) return null;
  return hall.account({ account, role: "STAFF", name: "别的部门老师", department: other });
}
