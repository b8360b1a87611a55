import type { EntityManager } from "typeorm";
import { AuditEntryEntity } from "./audit-entry.entity";

export interface AuditLine {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** What changed; never a password, a token or a student's personal details. */
  details?: Record<string, unknown>;
}

/** Writes audit lines inside the caller's transaction, so they share its fate. */
export class AuditService {
  async record(tx: EntityManager, line: AuditLine): Promise<void> {
    await tx.insert(AuditEntryEntity, { ...line, details: (line.details ?? null) as never });
  }
}
