import { type HallPlugin, Role } from "../../core";
import { catalogue } from "./catalogue";
import { AcademicDocumentEntity } from "./entities/academic-document.entity";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";
import { AcademicDocumentResolver, ISSUE_DOCUMENT, REQUEST_DOCUMENT } from "./resolvers/academic-document.resolver";

/** Academic Affairs Office (教务处): enrolment certificates and transcripts, verifiable by code. */
export const academicAffairsPlugin: HallPlugin = {
  code: "academic-affairs",
  department: { code: "academic-affairs", name: "教务处", nameEn: "Academic Affairs Office", ticketPrefix: "B" },
  catalogue,
  entities: [AcademicDocumentEntity],
  resolvers: [AcademicDocumentResolver],
  migrations: { sqlite, mysql },
  permissions: [
    {
      code: REQUEST_DOCUMENT,
      description: "Receive a request for an enrolment certificate or transcript at a window.",
      roles: [Role.VOLUNTEER, Role.STAFF],
    },
    {
      code: ISSUE_DOCUMENT,
      description: "Issue an enrolment certificate or transcript.",
      roles: [Role.STAFF, Role.ADMIN],
    },
  ],
};
