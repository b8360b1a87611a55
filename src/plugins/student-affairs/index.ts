import type { HallPlugin } from "../../core";
import { catalogue } from "./catalogue";
import { AidBatchEntity } from "./entities/aid-batch.entity";
import { AidSubmissionEntity } from "./entities/aid-submission.entity";
import { EvaluationBookletReplacementEntity } from "./entities/evaluation-booklet-replacement.entity";
import { ReportCertificateEntity } from "./entities/report-certificate.entity";
import { StampRegisterEntryEntity } from "./entities/stamp-register-entry.entity";
import { StudentIdApplicationEntity } from "./entities/student-id-application.entity";
import { StudentIdPhotoChunkEntity, StudentIdPhotoEntity } from "./entities/student-id-photo.entity";
import { StudentIdRegistrationEntity } from "./entities/student-id-registration.entity";
import { migrations as mysql } from "./migrations/mysql";
import { migrations as sqlite } from "./migrations/sqlite";
import { permissions } from "./permissions";
import { AidBatchResolver, AidSubmissionResolver } from "./resolvers/aid.resolver";
import { EvaluationBookletResolver } from "./resolvers/evaluation-booklet.resolver";
import { ReportCertificateResolver } from "./resolvers/report-certificate.resolver";
import { StampRegisterResolver } from "./resolvers/stamp-register.resolver";
import { StudentIdPhotoResolver, StudentIdResolver } from "./resolvers/student-id.resolver";

/** Student Affairs Department (学生工作部). */
export const studentAffairsPlugin: HallPlugin = {
  code: "student-affairs",
  department: { code: "student-affairs", name: "学生工作部", nameEn: "Student Affairs Department", ticketPrefix: "A" },
  catalogue,
  permissions,
  entities: [
    StudentIdApplicationEntity,
    StudentIdPhotoEntity,
    StudentIdPhotoChunkEntity,
    StudentIdRegistrationEntity,
    EvaluationBookletReplacementEntity,
    AidBatchEntity,
    AidSubmissionEntity,
    StampRegisterEntryEntity,
    ReportCertificateEntity,
  ],
  migrations: { sqlite, mysql },
  resolvers: [
    StudentIdResolver,
    StudentIdPhotoResolver,
    EvaluationBookletResolver,
    AidBatchResolver,
    AidSubmissionResolver,
    StampRegisterResolver,
    ReportCertificateResolver,
  ],
};
