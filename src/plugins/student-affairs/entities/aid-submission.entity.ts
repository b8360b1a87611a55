import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, UtcDateColumn } from "../../../core";

export interface ReceivedMaterial {
  name: string;
  count: number;
}

/** What one student handed in for one aid batch, and whether the award was handed out. */
@Entity("sa_aid_submission")
@Index("uq_sa_aid_submission_student", ["batchId", "studentAccountId"], { unique: true })
@Index("ix_sa_aid_submission_batch", ["batchId", "lastCollectedAt"])
@Index("ix_sa_aid_submission_student", ["studentAccountId", "lastCollectedAt"])
export class AidSubmissionEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  batchId!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** Everything received so far, added up by name. */
  @JsonColumn()
  materials!: ReceivedMaterial[];

  /** True once every required material is in; kept as a column so a batch is counted in SQL. */
  @Column({ type: "boolean", default: false })
  complete!: boolean;

  @UtcDateColumn()
  firstCollectedAt!: Date;

  @UtcDateColumn()
  lastCollectedAt!: Date;

  @Column({ type: "varchar", length: 36 })
  collectedByAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  collectedByBadgeNo!: string | null;

  @UtcDateColumn({ nullable: true })
  handedOutAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  handedOutByAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  handedOutByBadgeNo!: string | null;

  /** What was handed out: a certificate, a notice of the grant. */
  @Column({ type: "varchar", length: 200, nullable: true })
  handedOutNote!: string | null;
}
