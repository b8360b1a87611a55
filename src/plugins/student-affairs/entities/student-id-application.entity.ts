import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UpdatedAtColumn, UtcDateColumn } from "../../../core";

export type StudentIdApplicationStatus = "SUBMITTED" | "READY" | "PICKED_UP";
export type StudentIdReplacementReason = "LOST" | "DAMAGED";

/**
 * An application for a new student ID booklet (学生证补办): handed in at the window with the
 * form, one 1-inch photo and the ¥2 fee, made by the department, then picked up.
 */
@Entity("sa_student_id_application")
@Index("ix_sa_id_application_status", ["status", "submittedAt"])
@Index("ix_sa_id_application_student", ["studentAccountId", "submittedAt"])
export class StudentIdApplicationEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /**
   * The student's account id until the booklet is picked up, null after: a unique key, so a
   * student has one booklet in the making at a time even when two windows race.
   */
  @Index("uq_sa_id_application_active", { unique: true })
  @Column({ type: "varchar", length: 36, nullable: true })
  activeKey!: string | null;

  @Column({ type: "varchar", length: 16 })
  reason!: StudentIdReplacementReason;

  /** A damaged booklet is handed in with the application (the brochure's steps). */
  @Column({ type: "boolean", default: false })
  oldBookletReturned!: boolean;

  @Column({ type: "varchar", length: 16 })
  status!: StudentIdApplicationStatus;

  @Column({ type: "varchar", length: 36 })
  photoId!: string;

  /** The core fee record of the ¥2; null only if the catalogue made the service free. */
  @Column({ type: "varchar", length: 36, nullable: true })
  feeRecordId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  receiptNo!: string | null;

  /** The pickup date the student was told: the close of the promised working day. */
  @UtcDateColumn()
  promisedReadyAt!: Date;

  @UtcDateColumn()
  submittedAt!: Date;

  @Column({ type: "varchar", length: 36 })
  submittedByAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  submittedByBadgeNo!: string | null;

  @UtcDateColumn({ nullable: true })
  readyAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  readyByAccountId!: string | null;

  @UtcDateColumn({ nullable: true })
  pickedUpAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  handedOverByAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  handedOverByBadgeNo!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
