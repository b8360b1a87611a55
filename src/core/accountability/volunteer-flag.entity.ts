import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

export type LadderRule = "BAD_RATINGS" | "UPHELD_COMPLAINTS";

/** A volunteer flagged by a rule of the accountability ladder, until a coaching talk. */
@Entity("volunteer_flag")
@Index("ix_volunteer_flag_volunteer", ["volunteerAccountId", "raisedAt"])
export class VolunteerFlagEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  volunteerAccountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  @Column({ type: "varchar", length: 24 })
  rule!: LadderRule;

  /** What tripped the rule, in a line. */
  @Column({ type: "varchar", length: 300 })
  detail!: string;

  @UtcDateColumn()
  raisedAt!: Date;

  @UtcDateColumn({ nullable: true })
  clearedAt!: Date | null;

  /** The coaching talk that answered the flag. */
  @Column({ type: "varchar", length: 36, nullable: true })
  talkId!: string | null;

  /** "<account>:<rule>" while open, null after: a unique key, so racing ratings raise one flag. */
  @Index("uq_volunteer_flag_open", { unique: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  openKey!: string | null;
}
