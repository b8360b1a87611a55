import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";

/** IT Office (信息化办公室). */
export const itOfficePlugin: HallPlugin = {
  code: "it-office",
  department: { code: "it-office", name: "信息化办公室", nameEn: "IT Office", ticketPrefix: "F" },
  catalogue,
};
