import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";

/** Security Office (保卫处). */
export const securityPlugin: HallPlugin = {
  code: "security",
  department: { code: "security", name: "保卫处", nameEn: "Security Office", ticketPrefix: "C" },
  catalogue,
};
