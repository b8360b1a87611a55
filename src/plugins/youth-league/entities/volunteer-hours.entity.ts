import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

/** Volunteer service a student gave at one activity, as League staff recorded it. */
@Entity("league_volunteer_hours")
@Index("uq_league_volunteer_hours", ["activityId", "studentAccountId"], { unique: true })
@Index("ix_league_volunteer_hours_student", ["studentAccountId", "recordedAt"])
export class VolunteerHoursEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  activityId!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** Whole minutes, so totals add up exactly; the API speaks hours. */
  @Column({ type: "int" })
  minutes!: number;

  @Column({ type: "varchar", length: 200, nullable: true })
  note!: string | null;

  @Column({ type: "varchar", length: 36 })
  recordedByAccountId!: string;

  @UtcDateColumn()
  recordedAt!: Date;
}
