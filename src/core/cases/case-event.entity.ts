import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, UtcDateColumn } from "../database/columns";
import type { MaterialCount } from "./case.entity";

export type CaseEventKind =
  | "OPENED"
  | "MATERIALS_MISSING"
  | "MATERIALS_RECEIVED"
  | "MATERIALS_COMPLETE"
  | "HANDOVER_REQUESTED"
  | "HANDOVER_ACCEPTED"
  | "HANDOVER_DECLINED"
  | "HANDOVER_EXPIRED"
  | "EXTENSION_REQUESTED"
  | "EXTENSION_APPROVED"
  | "EXTENSION_REFUSED"
  | "NOTE"
  | "CLOSED";

/** One line of a case's history. Rows are only ever added. */
@Entity("case_event")
@Index("ix_case_event_case", ["caseId", "at"])
export class CaseEventEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  caseId!: string;

  @UtcDateColumn()
  at!: Date;

  /** Orders events written in the same millisecond. */
  @Column({ type: "int" })
  step!: number;

  @Column({ type: "varchar", length: 32 })
  kind!: CaseEventKind;

  /** Null when the hall itself acted (a handover that was not accepted in time). */
  @Column({ type: "varchar", length: 36, nullable: true })
  actorAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  actorBadgeNo!: string | null;

  @Column({ type: "text", nullable: true })
  note!: string | null;

  @JsonColumn({ nullable: true })
  materials!: MaterialCount[] | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  fromDepartment!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  toDepartment!: string | null;
}
