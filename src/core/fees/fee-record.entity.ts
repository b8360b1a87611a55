import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UtcDateColumn } from "../database/columns";

/**
 * One payment taken at a window: what it was for, who paid, who took it, and the receipt
 * number the student was given. Records are only ever added; a refund would be a record of
 * its own (TODO: refunds, once a department asks for them).
 */
@Entity("fee_record")
// Receipt numbers run per department and year; the key is the last guard behind the counter.
@Index("uq_fee_record_receipt", ["departmentCode", "receiptYear", "receiptSeq"], { unique: true })
// The daily reconciliation reads one department's day.
@Index("ix_fee_record_day", ["departmentCode", "serviceDay", "receiptSeq"])
@Index("ix_fee_record_payer", ["payerAccountId", "takenAt"])
@Index("ix_fee_record_payer_no", ["payerStudentNo", "takenAt"])
export class FeeRecordEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 64 })
  serviceCode!: string;

  /** Money as whole fen: ¥2 is 200. */
  @Column({ type: "int" })
  amountFen!: number;

  /** How many pieces were paid for (booklets, copies) at the catalogue's fee each. */
  @Column({ type: "int", default: 1 })
  quantity!: number;

  /** The payer's account, when the student has one. */
  @Column({ type: "varchar", length: 36, nullable: true })
  payerAccountId!: string | null;

  @Column({ type: "varchar", length: 32 })
  payerStudentNo!: string;

  @Column({ type: "int" })
  receiptYear!: number;

  @Column({ type: "int" })
  receiptSeq!: number;

  /** What is printed on the receipt, e.g. A2026-000017. */
  @Column({ type: "varchar", length: 32 })
  receiptNo!: string;

  @Column({ type: "varchar", length: 36 })
  takenByAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  takenByBadgeNo!: string | null;

  /** The taker's name as it was then, so a receipt reads the same after a rename. */
  @Column({ type: "varchar", length: 100 })
  takenByName!: string;

  @UtcDateColumn()
  takenAt!: Date;

  /** The hall's local date of takenAt: the day the money is reconciled on. */
  @Column({ type: "varchar", length: 10 })
  serviceDay!: string;

  /** What the payment belongs to in a plugin's records, e.g. an application id. */
  @Column({ type: "varchar", length: 100, nullable: true })
  reference!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
