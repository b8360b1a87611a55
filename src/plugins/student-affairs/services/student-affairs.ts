import type { HallServices } from "../../../core";
import { AidService } from "./aid.service";
import { EvaluationBookletService } from "./evaluation-booklet.service";
import { ReportCertificateService } from "./report-certificate.service";
import { StampRegisterService } from "./stamp-register.service";
import { StudentIdService } from "./student-id.service";

/** The department's services, built over one hall's core services. */
export interface StudentAffairs {
  studentIds: StudentIdService;
  booklets: EvaluationBookletService;
  aid: AidService;
  stamps: StampRegisterService;
  certificates: ReportCertificateService;
}

// Resolvers are made by type-graphql without arguments, so the services hang off the hall's
// own services object: one set per hall, even with several halls in one process (tests).
const byHall = new WeakMap<HallServices, StudentAffairs>();

export function studentAffairs(services: HallServices): StudentAffairs {
  let found = byHall.get(services);
  if (!found) {
    found = {
      studentIds: new StudentIdService(services),
      booklets: new EvaluationBookletService(services),
      aid: new AidService(services),
      stamps: new StampRegisterService(services),
      certificates: new ReportCertificateService(services),
    };
    byHall.set(services, found);
  }
  return found;
}
