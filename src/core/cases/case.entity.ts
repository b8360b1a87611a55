import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn, UtcDateColumn } from "../database/columns";

export type CaseOrigin = "TICKET" | "PHONE" | "WALK_IN";
export type CaseStatus = "OPEN" | "AWAITING_MATERIALS" | "HANDOVER_PENDING" | "CLOSED";
export type ExtensionStatus = "REQUESTED" | "APPROVED" | "REFUSED";

export interface MaterialCount {
  name: string;
  count: number;
}

/**
 * A matter a student brought to the hall that was not finished at once. Under the
 * first-inquiry rule it has exactly one owner at every moment: the person who received it,
 * until they hand it over and the receiving department accepts.
 */
@Entity("hall_case")
@Index("ix_hall_case_department", ["departmentCode", "status", "dueAt"])
@Index("ix_hall_case_student", ["studentAccountId", "createdAt"])
@Index("ix_hall_case_due", ["status", "dueAt"])
export class CaseEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 16 })
  origin!: CaseOrigin;

  @Column({ type: "varchar", length: 36, nullable: true })
  ticketId!: string | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  serviceCode!: string | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  variantCode!: string | null;

  /** The department responsible now. */
  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  studentAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  studentNo!: string | null;

  /** What the student asked for, in a line. */
  @Column({ type: "varchar", length: 500 })
  subject!: string;

  @Column({ type: "varchar", length: 24 })
  status!: CaseStatus;

  /** Status to go back to when a handover is declined or not accepted in time. */
  @Column({ type: "varchar", length: 24, nullable: true })
  statusBeforeHandover!: CaseStatus | null;

  @Column({ type: "varchar", length: 36 })
  firstResponderAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  firstResponderBadgeNo!: string | null;

  @Column({ type: "varchar", length: 36 })
  ownerAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  ownerBadgeNo!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  handoverToDepartment!: string | null;

  @UtcDateColumn({ nullable: true })
  handoverRequestedAt!: Date | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  handoverReason!: string | null;

  /** What the student still has to bring; told to them once, when the case is opened. */
  @JsonColumn()
  missingMaterials!: MaterialCount[];

  /** Everything received so far, added up. */
  @JsonColumn()
  receivedMaterials!: MaterialCount[];

  @UtcDateColumn({ nullable: true })
  materialsCompleteAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  dueAt!: Date | null;

  @Column({ type: "int", default: 0 })
  extensionDays!: number;

  @Column({ type: "varchar", length: 500, nullable: true })
  extensionReason!: string | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  extensionStatus!: ExtensionStatus | null;

  @Column({ type: "text", nullable: true })
  answer!: string | null;

  /** Where the student was sent, when the case was closed by a referral out of the hall. */
  @Column({ type: "varchar", length: 200, nullable: true })
  referredTo!: string | null;

  @UtcDateColumn({ nullable: true })
  closedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  dueSoonAlertedAt!: Date | null;

  @UtcDateColumn({ nullable: true })
  overdueAlertedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
