import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

export type AcademicDocumentKind = "ENROLMENT_CERTIFICATE" | "TRANSCRIPT";
export type AcademicDocumentStatus = "REQUESTED" | "ISSUED";

/**
 * An enrolment certificate or a transcript: requested at a window, which opens a PROMISED
 * case in the core, and issued by the office with a reference and a verification code that
 * anyone holding the paper can check.
 */
@Entity("academic_document")
@Index("ix_academic_document_student", ["studentAccountId", "requestedAt"])
@Index("ix_academic_document_status", ["status", "requestedAt"])
export class AcademicDocumentEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The core case that carries the promised date and the first-inquiry owner. */
  @Index("uq_academic_document_case", { unique: true })
  @Column({ type: "varchar", length: 36 })
  caseId!: string;

  @Column({ type: "varchar", length: 24 })
  kind!: AcademicDocumentKind;

  /** The catalogue variant: zh or en. */
  @Column({ type: "varchar", length: 8 })
  language!: string;

  @Column({ type: "int" })
  copies!: number;

  @Column({ type: "varchar", length: 200, nullable: true })
  purpose!: string | null;

  /** Null for a student without an account in the hall; the number is always known. */
  @Column({ type: "varchar", length: 36, nullable: true })
  studentAccountId!: string | null;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  @Column({ type: "varchar", length: 16 })
  status!: AcademicDocumentStatus;

  @Column({ type: "varchar", length: 36 })
  requestedByAccountId!: string;

  @UtcDateColumn()
  requestedAt!: Date;

  /** The name exactly as printed (the English one from the passport, for an English version). */
  @Column({ type: "varchar", length: 100, nullable: true })
  nameAsPrinted!: string | null;

  /** The office's own number for the document, e.g. its serial in the issuing register. */
  @Column({ type: "varchar", length: 64, nullable: true })
  resultReference!: string | null;

  /** Printed on the document; `verifyDocument` looks it up. Unguessable, 60 random bits. */
  @Index("uq_academic_document_code", { unique: true })
  @Column({ type: "varchar", length: 16, nullable: true })
  verificationCode!: string | null;

  /** The local date printed as the issue date. */
  @Column({ type: "varchar", length: 10, nullable: true })
  issuedOn!: string | null;

  /** The last local date the document is valid, when it says so (enrolment certificates often do). */
  @Column({ type: "varchar", length: 10, nullable: true })
  validUntil!: string | null;

  @UtcDateColumn({ nullable: true })
  issuedAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  issuedByAccountId!: string | null;
}
