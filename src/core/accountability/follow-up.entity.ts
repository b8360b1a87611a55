import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

/**
 * What a department owes a student who rated a visit DISSATISFIED or worse: call them back,
 * put it right, and write down what was done, within the configured working days.
 */
@Entity("follow_up")
@Index("ix_follow_up_department", ["departmentCode", "dueAt"])
@Index("ix_follow_up_due", ["doneAt", "dueAt"])
export class FollowUpEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** One follow-up per rating. */
  @Index("uq_follow_up_rating", { unique: true })
  @Column({ type: "varchar", length: 36 })
  ratingId!: string;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  /** Whom to call back. */
  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  studentNo!: string | null;

  @UtcDateColumn()
  openedAt!: Date;

  @UtcDateColumn()
  dueAt!: Date;

  @UtcDateColumn({ nullable: true })
  doneAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  doneByAccountId!: string | null;

  /** Whether the student was reached on the call back. */
  @Column({ type: "boolean", nullable: true })
  calledBack!: boolean | null;

  /** What was done to put it right. */
  @Column({ type: "text", nullable: true })
  action!: string | null;

  /** Set when the missed deadline went to the feed, so it goes there once. */
  @UtcDateColumn({ nullable: true })
  missedAlertedAt!: Date | null;
}
