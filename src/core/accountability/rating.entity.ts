import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { JsonColumn, UtcDateColumn } from "../database/columns";

export type RatingLevel = "VERY_SATISFIED" | "SATISFIED" | "BASIC" | "DISSATISFIED" | "VERY_DISSATISFIED";
export type RatingReason = "ATTITUDE" | "UNFAMILIAR" | "SLOW" | "OTHER";

/** The levels that open a follow-up and count on the accountability ladder. */
export const BAD_LEVELS: readonly RatingLevel[] = ["DISSATISFIED", "VERY_DISSATISFIED"];

/**
 * A student's rating (好差评) of one completed visit: a ticket served at a window, or a
 * closed case. It is tied to the window, the department and the volunteer's badge as they
 * were at the visit, so a later change of badge or window does not move it.
 */
@Entity("rating")
@Index("ix_rating_department", ["departmentCode", "ratedAt"])
@Index("ix_rating_badge", ["badgeNo", "ratedAt"])
@Index("ix_rating_volunteer", ["volunteerAccountId", "ratedAt"])
export class RatingEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** "TICKET:<id>" or "CASE:<id>": a unique key, so two racing ratings of one visit leave one. */
  @Index("uq_rating_visit", { unique: true })
  @Column({ type: "varchar", length: 48 })
  visitKey!: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  ticketId!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  caseId!: string | null;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 24 })
  level!: RatingLevel;

  /** DISSATISFIED or VERY_DISSATISFIED, kept as a column so the ladder and the figures count it in SQL. */
  @Column({ type: "boolean" })
  bad!: boolean;

  @JsonColumn()
  reasons!: RatingReason[];

  @Column({ type: "varchar", length: 500, nullable: true })
  comment!: string | null;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  windowId!: string | null;

  @Column({ type: "varchar", length: 16, nullable: true })
  windowNumber!: string | null;

  /** The volunteer who served (a ticket) or first received the student (a case). */
  @Column({ type: "varchar", length: 36, nullable: true })
  volunteerAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  @UtcDateColumn()
  ratedAt!: Date;
}
