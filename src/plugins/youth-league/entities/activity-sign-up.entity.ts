import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

export type SignUpStatus = "CONFIRMED" | "WAITING" | "CANCELLED";

/** A student's place at an activity, or their place on its waiting list. */
@Entity("league_activity_sign_up")
@Index("ix_league_sign_up_activity", ["activityId", "status", "seq"])
@Index("ix_league_sign_up_student", ["studentAccountId", "signedUpAt"])
export class ActivitySignUpEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  activityId!: string;

  /** Order of signing up within the activity; the waiting list moves up in this order. */
  @Column({ type: "int" })
  seq!: number;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** As on the check-in sheet. */
  @Column({ type: "varchar", length: 100 })
  studentName!: string;

  @Column({ type: "varchar", length: 16 })
  status!: SignUpStatus;

  /** `activity:student` while the sign-up stands: the unique key allows one per student. */
  @Index("uq_league_sign_up_active", { unique: true })
  @Column({ type: "varchar", length: 80, nullable: true })
  activeKey!: string | null;

  /** Whether the place came from the waiting list. */
  @Column({ type: "boolean", default: false })
  promoted!: boolean;

  @UtcDateColumn()
  signedUpAt!: Date;

  @UtcDateColumn({ nullable: true })
  confirmedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  cancelledAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  checkedInAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  checkedInByAccountId!: string | null;
}
