import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

export type YibanLedgerKind = "CREDIT" | "EXCHANGE" | "PRINT";

/**
 * One movement of a student's points or pages. Entries are only ever added; the balance row
 * is their sum, so a disputed balance can be explained line by line.
 */
@Entity("yiban_ledger_entry")
@Index("uq_yiban_ledger_student_seq", ["studentAccountId", "seq"], { unique: true })
export class YibanLedgerEntryEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  /** 1, 2, 3 … per student: the order of the entries. */
  @Column({ type: "int" })
  seq!: number;

  @Column({ type: "varchar", length: 16 })
  kind!: YibanLedgerKind;

  /** Signed: a credit adds points, an exchange takes them. */
  @Column({ type: "int" })
  points!: number;

  /** Signed: an exchange adds pages, a print takes them. */
  @Column({ type: "int" })
  pages!: number;

  /** Why IT staff credited points, or which print code was used. */
  @Column({ type: "varchar", length: 200, nullable: true })
  note!: string | null;

  /** Who made the movement: the IT staff member, the student, or the print desk. */
  @Column({ type: "varchar", length: 36 })
  actorAccountId!: string;

  @UtcDateColumn()
  at!: Date;
}
