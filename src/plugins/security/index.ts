import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";
import { EnlistmentRegistrationEntity } from "./entities/enlistment-registration.entity";
import { EnlistmentSeasonEntity } from "./entities/enlistment-season.entity";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";
import { permissions } from "./permissions";
import { EnlistmentRegistrationResolver, EnlistmentSeasonResolver } from "./resolvers/enlistment.resolver";

/** Security Office (保卫处): pre-enlistment and military service registration, by season. */
export const securityPlugin: HallPlugin = {
  code: "security",
  department: { code: "security", name: "保卫处", nameEn: "Security Office", ticketPrefix: "C" },
  catalogue,
  entities: [EnlistmentSeasonEntity, EnlistmentRegistrationEntity],
  resolvers: [EnlistmentSeasonResolver, EnlistmentRegistrationResolver],
  permissions,
  migrations: { sqlite, mysql },
};
