import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

/** One volunteer's spell of duty at one window, kept for the figures and for accountability. */
@Entity("window_shift")
@Index("ix_window_shift_account", ["accountId", "startedAt"])
export class WindowShiftEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  windowId!: string;

  @Column({ type: "varchar", length: 36 })
  accountId!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  @UtcDateColumn()
  startedAt!: Date;

  @UtcDateColumn({ nullable: true })
  endedAt!: Date | null;
}
