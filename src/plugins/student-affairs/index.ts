import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";

/** Student Affairs Department (学生工作部). */
export const studentAffairsPlugin: HallPlugin = {
  code: "student-affairs",
  department: { code: "student-affairs", name: "学生工作部", nameEn: "Student Affairs Department", ticketPrefix: "A" },
  catalogue,
};
