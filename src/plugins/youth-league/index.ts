import { type HallPlugin, Role } from "../../core";
import { catalogue } from "./catalogue";
import { ActivitySignUpEntity } from "./entities/activity-sign-up.entity";
import { CharityItemEntity } from "./entities/charity-item.entity";
import { CharityLoanEntity } from "./entities/charity-loan.entity";
import { LeagueActivityEntity } from "./entities/league-activity.entity";
import { VolunteerHoursEntity } from "./entities/volunteer-hours.entity";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";
import { ActivitySignUpResolver, LeagueActivityResolver } from "./resolvers/activity.resolver";
import { CharityItemResolver, CharityLoanResolver } from "./resolvers/charity.resolver";
import { DESK, MANAGE } from "./resolvers/permissions";
import { VolunteerHoursEntryResolver, VolunteerRecordResolver } from "./resolvers/volunteer-hours.resolver";

/** Youth League Committee (团委): activities, volunteer service hours, charity services. */
export const youthLeaguePlugin: HallPlugin = {
  code: "youth-league",
  department: { code: "youth-league", name: "团委", nameEn: "Youth League Committee", ticketPrefix: "E" },
  catalogue,
  entities: [LeagueActivityEntity, ActivitySignUpEntity, VolunteerHoursEntity, CharityItemEntity, CharityLoanEntity],
  resolvers: [
    LeagueActivityResolver,
    ActivitySignUpResolver,
    VolunteerRecordResolver,
    VolunteerHoursEntryResolver,
    CharityItemResolver,
    CharityLoanResolver,
  ],
  migrations: { sqlite, mysql },
  permissions: [
    {
      code: MANAGE,
      description: "Publish activities, check students in, record volunteer hours, keep the charity stock.",
      roles: [Role.STAFF, Role.ADMIN],
    },
    {
      code: DESK,
      description: "Lend and take back charity items at the League's window.",
      roles: [Role.STAFF, Role.VOLUNTEER, Role.ADMIN],
    },
  ],
};
