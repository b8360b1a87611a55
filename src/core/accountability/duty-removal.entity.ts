import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

/** A volunteer taken off window duty by a REPLACE outcome, until an admin reinstates them. */
@Entity("duty_removal")
@Index("ix_duty_removal_volunteer", ["volunteerAccountId", "removedAt"])
export class DutyRemovalEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  volunteerAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  @Column({ type: "varchar", length: 36 })
  talkId!: string;

  @UtcDateColumn()
  removedAt!: Date;

  @UtcDateColumn({ nullable: true })
  reinstatedAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  reinstatedByAccountId!: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  reinstateNote!: string | null;

  /** The volunteer's account while the removal holds, null after: one removal in force at a time. */
  @Index("uq_duty_removal_active", { unique: true })
  @Column({ type: "varchar", length: 36, nullable: true })
  activeKey!: string | null;
}
