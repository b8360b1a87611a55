import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";

/** Academic Affairs Office (教务处). */
export const academicAffairsPlugin: HallPlugin = {
  code: "academic-affairs",
  department: { code: "academic-affairs", name: "教务处", nameEn: "Academic Affairs Office", ticketPrefix: "B" },
  catalogue,
};
