import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * A student's Yiban balance: the running sum of their ledger, kept in one row so that a
 * spend is a single conditional UPDATE (`… WHERE points >= cost`). Every change to it is made
 * in the same transaction as the ledger entry that explains it.
 */
@Entity("yiban_account")
export class YibanAccountEntity {
  @PrimaryColumn({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** Yiban points (网薪) not yet exchanged. */
  @Column({ type: "int", default: 0 })
  points!: number;

  /** Print pages bought with points and not yet printed. */
  @Column({ type: "int", default: 0 })
  pages!: number;

  /**
   * How many ledger entries the student has. Each balance change bumps it in the same
   * UPDATE, which numbers the entries in order even when two share a millisecond.
   */
  @Column({ type: "int", default: 0 })
  entries!: number;
}
