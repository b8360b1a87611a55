import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

/** The term's registration stamp (注册章) put in a student's ID booklet at the window. */
@Entity("sa_student_id_registration")
@Index("uq_sa_id_registration_term", ["studentAccountId", "term"], { unique: true })
@Index("ix_sa_id_registration_term", ["term", "registeredAt"])
export class StudentIdRegistrationEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** Academic year and term, e.g. 2026-2027-1. */
  @Column({ type: "varchar", length: 16 })
  term!: string;

  @UtcDateColumn()
  registeredAt!: Date;

  @Column({ type: "varchar", length: 36 })
  registeredByAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  registeredByBadgeNo!: string | null;
}
