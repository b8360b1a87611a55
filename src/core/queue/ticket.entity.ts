import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn, UtcDateColumn } from "../database/columns";
import type { MaterialDefinition } from "../plugin/hall-plugin";

export type TicketStatus =
  | "WAITING"
  | "CALLED"
  | "SERVING"
  | "COMPLETED"
  | "NO_SHOW"
  | "CANCELLED"
  | "EXPIRED";

/** A queue number a student holds: A017 is the 17th of department A's day. */
@Entity("ticket")
@Index("uq_ticket_number", ["departmentCode", "serviceDay", "seq"], { unique: true })
// Lets "the oldest waiting ticket of today" be read in seq order and stop at the first row,
// so a locking read locks one row rather than the whole queue.
@Index("ix_ticket_queue", ["departmentCode", "serviceDay", "status", "seq"])
@Index("ix_ticket_student", ["studentAccountId", "takenAt"])
export class TicketEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 64 })
  serviceCode!: string;

  /** The hall's local date the number belongs to; numbering restarts each day. */
  @Column({ type: "varchar", length: 10 })
  serviceDay!: string;

  @Column({ type: "int" })
  seq!: number;

  /** Prefix and running number, e.g. A017. */
  @Column({ type: "varchar", length: 16 })
  number!: string;

  @Column({ type: "varchar", length: 16 })
  status!: TicketStatus;

  /** The student's account, when the student took it or is known. */
  @Column({ type: "varchar", length: 36, nullable: true })
  studentAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  studentNo!: string | null;

  /** Who pressed the button: the student, or a volunteer at the door for a walk-in. */
  @Column({ type: "varchar", length: 36 })
  takenByAccountId!: string;

  /**
   * "<student>:<service>" while the ticket is active, null after: a unique key, so one student
   * holds one active ticket per service even when two requests race.
   */
  @Index("uq_ticket_active", { unique: true })
  @Column({ type: "varchar", length: 120, nullable: true })
  activeKey!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  windowId!: string | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  windowNumber!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  volunteerAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  @Column({ type: "int", default: 0 })
  recalls!: number;

  @Column({ type: "varchar", length: 32, nullable: true })
  outcome!: string | null;

  /** The materials list as told to the student when the number was taken. */
  @JsonColumn()
  materials!: MaterialDefinition[];

  @UtcDateColumn()
  takenAt!: Date;

  @UtcDateColumn({ nullable: true })
  calledAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  servingAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  finishedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
