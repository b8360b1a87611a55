import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The last receipt number handed out per department and year. Recording a fee bumps this row
 * with an upsert, which row-locks it on MySQL until commit, so two windows (or two servers)
 * never print one number; the unique key on fee records is the second guard.
 */
@Entity("fee_receipt_counter")
export class ReceiptCounterEntity {
  @PrimaryColumn({ type: "varchar", length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ type: "int" })
  receiptYear!: number;

  @Column({ type: "int" })
  lastSeq!: number;
}
