import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

export type ComplaintStatus = "FILED" | "ACKNOWLEDGED" | "INVESTIGATING" | "UPHELD" | "DISMISSED";
export type AppealStatus = "PENDING" | "GRANTED" | "REFUSED";

/**
 * A complaint (投诉) against a volunteer by badge number, a window or a department. The
 * complainant's identity lives only here and in the supervisors' view of it: the volunteer's
 * and the department's views are built from other columns.
 */
@Entity("complaint")
@Index("ix_complaint_changed", ["lastChangedAt", "id"])
@Index("ix_complaint_department", ["departmentCode", "filedAt"])
@Index("ix_complaint_volunteer", ["volunteerAccountId", "upheldAt"])
@Index("ix_complaint_complainant", ["complainantAccountId", "filedAt"])
@Index("ix_complaint_status", ["status", "concludeDueAt"])
export class ComplaintEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  complainantAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  complainantStudentNo!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  /** The badge's account when the complaint was filed; the ladder counts by person, not badge. */
  @Column({ type: "varchar", length: 36, nullable: true })
  volunteerAccountId!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  windowId!: string | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  windowNumber!: string | null;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  ticketId!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: "text" })
  text!: string;

  @Column({ type: "varchar", length: 16 })
  status!: ComplaintStatus;

  @UtcDateColumn()
  filedAt!: Date;

  @UtcDateColumn()
  acknowledgeDueAt!: Date;

  @UtcDateColumn()
  concludeDueAt!: Date;

  @UtcDateColumn({ nullable: true })
  acknowledgedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  investigatingSince!: Date | null;

  @UtcDateColumn({ nullable: true })
  concludedAt!: Date | null;

  /** Who concluded it: the supervisor who may not decide its appeal. */
  @Column({ type: "varchar", length: 36, nullable: true })
  concludedByAccountId!: string | null;

  /** When it was found justified, at conclusion or on appeal; the ladder counts these. */
  @UtcDateColumn({ nullable: true })
  upheldAt!: Date | null;

  /** The conclusion as told to the complainant. */
  @Column({ type: "text", nullable: true })
  answer!: string | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  appealStatus!: AppealStatus | null;

  @Column({ type: "text", nullable: true })
  appealReason!: string | null;

  @UtcDateColumn({ nullable: true })
  appealedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  appealDueAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  appealDecidedAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  appealDecidedByAccountId!: string | null;

  @Column({ type: "text", nullable: true })
  appealAnswer!: string | null;

  /** Set when a missed deadline went to the feed, so each goes there once. */
  @UtcDateColumn({ nullable: true })
  acknowledgeMissedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  concludeMissedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  appealMissedAt!: Date | null;

  /** The hall's clock at the last change; a reconnecting supervisor catches up from it. */
  @UtcDateColumn()
  lastChangedAt!: Date;
}
