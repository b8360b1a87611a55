import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn } from "../database/columns";

/** An append-only line of who changed what, for the operator and for accountability. */
@Entity("audit_entry")
@Index("ix_audit_entry_subject", ["subjectType", "subjectId"])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @CreatedAtColumn()
  at!: Date;

  /** Account id of the caller; null for the system itself (seeding, timers). */
  @Column({ type: "varchar", length: 36, nullable: true })
  actorId!: string | null;

  @Column({ type: "varchar", length: 64 })
  action!: string;

  @Column({ type: "varchar", length: 64 })
  subjectType!: string;

  @Column({ type: "varchar", length: 64 })
  subjectId!: string;

  /** What changed, without personal details. */
  @JsonColumn({ nullable: true })
  details!: Record<string, unknown> | null;
}
