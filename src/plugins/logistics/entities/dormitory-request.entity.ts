import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UpdatedAtColumn, UtcDateColumn } from "../../../core";

export type DormitoryRequestKind = "REGISTRATION" | "ROOM_CHANGE" | "MOVE_OUT" | "OFF_CAMPUS_STAY";
export type DormitoryRequestStatus = "SUBMITTED" | "APPROVED" | "REFUSED" | "COMPLETED";

/**
 * A student's request to the student community: a dormitory registration, a room change, a
 * move-out or a short off-campus stay. Logistics staff approve or refuse it; an approved
 * move-out is completed once the room is checked and the keys are back.
 */
@Entity("logistics_dormitory_request")
@Index("ix_logistics_dorm_student", ["studentAccountId", "submittedAt"])
@Index("ix_logistics_dorm_status", ["status", "submittedAt"])
export class DormitoryRequestEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 24 })
  kind!: DormitoryRequestKind;

  @Column({ type: "varchar", length: 16 })
  status!: DormitoryRequestStatus;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  studentNo!: string | null;

  /**
   * `<student>:<kind>` while the request is still open, null once settled. Its unique key lets a
   * student have one open request of each kind, even when two submissions race.
   */
  @Index("uq_logistics_dorm_open", { unique: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  openKey!: string | null;

  /** The room registered, left, or changed from, e.g. 12-305. */
  @Column({ type: "varchar", length: 32, nullable: true })
  room!: string | null;

  /** A room change: the room the student would like. */
  @Column({ type: "varchar", length: 32, nullable: true })
  requestedRoom!: string | null;

  /** A room change: the room staff assigned on approval. */
  @Column({ type: "varchar", length: 32, nullable: true })
  assignedRoom!: string | null;

  @Column({ type: "varchar", length: 500 })
  reason!: string;

  /** Registration: first day; move-out: the day of leaving; off-campus stay: first day away. */
  @Column({ type: "varchar", length: 10, nullable: true })
  fromDate!: string | null;

  /** Registration: the last day of the registered stay. */
  @Column({ type: "varchar", length: 10, nullable: true })
  untilDate!: string | null;

  /** Off-campus stay: the day the student is back. */
  @Column({ type: "varchar", length: 10, nullable: true })
  returnDate!: string | null;

  /** The approval's note or the refusal's reason, as the student reads it. */
  @Column({ type: "varchar", length: 500, nullable: true })
  decisionNote!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  decidedByAccountId!: string | null;

  @UtcDateColumn({ nullable: true })
  decidedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  completedAt!: Date | null;

  /**
   * Set from the hall's clock, to the millisecond on both databases: lists page on it, and
   * SQLite's own creation default keeps whole seconds only.
   */
  @UtcDateColumn()
  submittedAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
