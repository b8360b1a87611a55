import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";

/** Logistics Office (后勤保障处). */
export const logisticsPlugin: HallPlugin = {
  code: "logistics",
  department: { code: "logistics", name: "后勤保障处", nameEn: "Logistics Office", ticketPrefix: "D" },
  catalogue,
};
