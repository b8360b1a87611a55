import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

/** A new comprehensive-evaluation booklet (综合测评本) handed out on the spot for ¥6. */
@Entity("sa_evaluation_booklet_replacement")
@Index("ix_sa_booklet_student", ["studentAccountId", "handedOutAt"])
@Index("ix_sa_booklet_day", ["handedOutAt"])
export class EvaluationBookletReplacementEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** Why: lost, damaged, full. */
  @Column({ type: "varchar", length: 200 })
  reason!: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  feeRecordId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  receiptNo!: string | null;

  @Column({ type: "int", default: 0 })
  amountFen!: number;

  @UtcDateColumn()
  handedOutAt!: Date;

  @Column({ type: "varchar", length: 36 })
  handedOutByAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  handedOutByBadgeNo!: string | null;
}
