import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

/** One item lent to one student, until it comes back. */
@Entity("league_charity_loan")
@Index("ix_league_charity_loan_due", ["returnedAt", "dueAt"])
@Index("ix_league_charity_loan_student", ["studentAccountId", "lentAt"])
export class CharityLoanEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  itemId!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** `item:student` while the item is out: one of each item per student at a time. */
  @Index("uq_league_charity_loan_out", { unique: true })
  @Column({ type: "varchar", length: 80, nullable: true })
  outKey!: string | null;

  @UtcDateColumn()
  lentAt!: Date;

  @UtcDateColumn()
  dueAt!: Date;

  @UtcDateColumn({ nullable: true })
  returnedAt!: Date | null;

  @Column({ type: "varchar", length: 36 })
  lentByAccountId!: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  returnedToAccountId!: string | null;
}
