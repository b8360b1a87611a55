import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

export type ComplaintStepKind =
  | "FILED"
  | "ACKNOWLEDGED"
  | "INVESTIGATING"
  | "UPHELD"
  | "DISMISSED"
  | "APPEALED"
  | "APPEAL_GRANTED"
  | "APPEAL_REFUSED";

/** One step of a complaint with its note. Rows are only ever added. */
@Entity("complaint_step")
@Index("ix_complaint_step_complaint", ["complaintId", "step"])
export class ComplaintStepEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  complaintId!: string;

  /** Orders steps written in the same millisecond. */
  @Column({ type: "int" })
  step!: number;

  @Column({ type: "varchar", length: 24 })
  kind!: ComplaintStepKind;

  @UtcDateColumn()
  at!: Date;

  @Column({ type: "varchar", length: 36 })
  actorAccountId!: string;

  @Column({ type: "text", nullable: true })
  note!: string | null;
}
