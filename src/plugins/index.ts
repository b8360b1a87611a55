import type { HallPlugin } from "../core";
import { studentAffairsPlugin } from "./student-affairs";
import { academicAffairsPlugin } from "./academic-affairs";
import { securityPlugin } from "./security";
import { logisticsPlugin } from "./logistics";
import { youthLeaguePlugin } from "./youth-league";
import { itOfficePlugin } from "./it-office";

/**
 * The department plugins this build offers, in their default order. PLUGINS picks among them;
 * the core itself never imports a plugin.
 */
export const offeredPlugins: HallPlugin[] = [
  studentAffairsPlugin,
  academicAffairsPlugin,
  securityPlugin,
  logisticsPlugin,
  youthLeaguePlugin,
  itOfficePlugin,
];
