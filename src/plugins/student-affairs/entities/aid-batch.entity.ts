import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, UpdatedAtColumn, UtcDateColumn } from "../../../core";

export type AidBatchKind = "SCHOLARSHIP" | "FINANCIAL_AID" | "HARDSHIP_RECOGNITION";

/**
 * One round of scholarship or financial-aid paperwork (奖助): the window collects the named
 * materials from students between opensAt and closesAt, then hands out what was awarded.
 */
@Entity("sa_aid_batch")
@Index("ix_sa_aid_batch_window", ["opensAt", "closesAt"])
export class AidBatchEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Column({ type: "varchar", length: 24 })
  kind!: AidBatchKind;

  /** e.g. 2026-2027. */
  @Column({ type: "varchar", length: 9 })
  academicYear!: string;

  @UtcDateColumn()
  opensAt!: Date;

  @UtcDateColumn()
  closesAt!: Date;

  /** The names of the materials each student hands in, one of each. */
  @JsonColumn()
  requiredMaterials!: string[];

  @Column({ type: "varchar", length: 36 })
  createdByAccountId!: string;

  @UtcDateColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
