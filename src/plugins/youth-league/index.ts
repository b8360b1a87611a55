import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";

/** Youth League Committee (团委). */
export const youthLeaguePlugin: HallPlugin = {
  code: "youth-league",
  department: { code: "youth-league", name: "团委", nameEn: "Youth League Committee", ticketPrefix: "E" },
  catalogue,
};
