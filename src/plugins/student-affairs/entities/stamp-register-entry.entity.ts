import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

export type StampKind = "GRADUATE_RECOMMENDATION" | "EMPLOYMENT_AGREEMENT";

/**
 * A line of the stamp register (用印登记): the university's seal put on a graduate
 * recommendation form or an employment agreement, for whom, by whom and when. Lines are only
 * ever added.
 */
@Entity("sa_stamp_register")
@Index("ix_sa_stamp_kind", ["kind", "stampedAt"])
@Index("ix_sa_stamp_student", ["studentAccountId", "stampedAt"])
export class StampRegisterEntryEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 32 })
  kind!: StampKind;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** What was stamped, in words, e.g. 就业协议书 No. 2026-0001（某某公司）. */
  @Column({ type: "varchar", length: 300 })
  document!: string;

  /**
   * "<kind>:<student>" for a student's first entry of a kind, null for later ones: a unique
   * key, so two windows cannot both stamp a first form for one student.
   */
  @Index("uq_sa_stamp_first", { unique: true })
  @Column({ type: "varchar", length: 80, nullable: true })
  firstKey!: string | null;

  /** The agreement's own number; one agreement is endorsed once. */
  @Index("uq_sa_stamp_agreement", { unique: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  agreementNo!: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  employerName!: string | null;

  /** Why a second form or agreement was stamped: a lost form, a breach of the first agreement. */
  @Column({ type: "varchar", length: 300, nullable: true })
  reason!: string | null;

  @UtcDateColumn()
  stampedAt!: Date;

  @Column({ type: "varchar", length: 36 })
  stampedByAccountId!: string;

  @Column({ type: "varchar", length: 100 })
  stampedByName!: string;
}
