import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, UtcDateColumn } from "../database/columns";

export type CoachingOutcome = "KEEP" | "WATCH" | "REPLACE";

/** A coaching talk (诫勉谈话) with a volunteer. Rows are never changed or removed. */
@Entity("coaching_talk")
@Index("ix_coaching_talk_volunteer", ["volunteerAccountId", "recordedAt"])
export class CoachingTalkEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  volunteerAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  badgeNo!: string;

  @UtcDateColumn()
  heldAt!: Date;

  /** The department whose people took part, when one did. */
  @Column({ type: "varchar", length: 32, nullable: true })
  departmentCode!: string | null;

  /** Who took part, as written down: names and roles. */
  @JsonColumn()
  participants!: string[];

  @Column({ type: "text" })
  notes!: string;

  @Column({ type: "varchar", length: 8 })
  outcome!: CoachingOutcome;

  @Column({ type: "varchar", length: 36 })
  recordedByAccountId!: string;

  /** The hall's clock when it was written down; the ladder counts afresh from here. */
  @UtcDateColumn()
  recordedAt!: Date;
}
