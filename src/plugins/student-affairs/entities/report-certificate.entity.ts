import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, UtcDateColumn } from "../../../core";
import type { ReceivedMaterial } from "./aid-submission.entity";

/**
 * An employment report certificate (就业报到证) printed, reprinted or proved at the window,
 * in one of the brochure's five kinds, with the materials taken in and the eligibility the
 * student showed.
 */
@Entity("sa_report_certificate")
@Index("ix_sa_report_certificate_student", ["studentAccountId", "issuedAt"])
@Index("ix_sa_report_certificate_issued", ["issuedAt"])
export class ReportCertificateEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** The catalogue variant: first-print, redispatch-or-breach, lost-reprint, error-reprint, printed-proof. */
  @Column({ type: "varchar", length: 32 })
  variantCode!: string;

  /**
   * "first-print:<student>" for a first print, null otherwise: a unique key, so a student's
   * certificate is first-printed once even when two windows race.
   */
  @Index("uq_sa_report_certificate_first", { unique: true })
  @Column({ type: "varchar", length: 80, nullable: true })
  firstKey!: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  employerName!: string | null;

  /** For an error reprint: what was wrong and what is right. */
  @Column({ type: "varchar", length: 300, nullable: true })
  correction!: string | null;

  /** For a proof of printing: what the proof is for. */
  @Column({ type: "varchar", length: 200, nullable: true })
  purpose!: string | null;

  @JsonColumn()
  materials!: ReceivedMaterial[];

  /** What the student showed at the window, as the brochure's condition asks. */
  @Column({ type: "boolean" })
  originOutsideCity!: boolean;

  @Column({ type: "boolean" })
  hasLocalHukou!: boolean;

  @Column({ type: "boolean" })
  canPrintLocalEmployerHeader!: boolean;

  @UtcDateColumn()
  issuedAt!: Date;

  @Column({ type: "varchar", length: 36 })
  issuedByAccountId!: string;

  @Column({ type: "varchar", length: 100 })
  issuedByName!: string;
}
