import { type HallPlugin, Role } from "../../core";
import { catalogue } from "./catalogue";
import { YibanAccountEntity } from "./entities/yiban-account.entity";
import { YibanLedgerEntryEntity } from "./entities/yiban-ledger-entry.entity";
import { YibanPrintCodeEntity } from "./entities/yiban-print-code.entity";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";
import { CREDIT_POINTS, PRINT_DESK, YibanResolver } from "./resolvers/yiban.resolver";

/** IT Office (信息化办公室): Yiban printing. */
export const itOfficePlugin: HallPlugin = {
  code: "it-office",
  department: { code: "it-office", name: "信息化办公室", nameEn: "IT Office", ticketPrefix: "F" },
  catalogue,
  entities: [YibanAccountEntity, YibanLedgerEntryEntity, YibanPrintCodeEntity],
  resolvers: [YibanResolver],
  migrations: { sqlite, mysql },
  permissions: [
    { code: CREDIT_POINTS, description: "Credit Yiban points to a student.", roles: [Role.STAFF, Role.ADMIN] },
    {
      code: PRINT_DESK,
      description: "Print with a student's print code at the print desk.",
      roles: [Role.STAFF, Role.VOLUNTEER, Role.ADMIN],
    },
  ],
};
