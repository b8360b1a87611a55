import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UtcDateColumn } from "../../../core";

/**
 * An activity the League committee publishes (活动交流): a talk, a salon, an exchange.
 * The counters are kept on the row so that a sign-up is decided by one conditional UPDATE
 * (`confirmed < capacity`) on the row every sign-up and cancellation of it locks.
 */
@Entity("league_activity")
@Index("ix_league_activity_starts", ["startsAt"])
export class LeagueActivityEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 100 })
  title!: string;

  @Column({ type: "varchar", length: 2000, nullable: true })
  description!: string | null;

  @Column({ type: "varchar", length: 100 })
  place!: string;

  @UtcDateColumn()
  startsAt!: Date;

  @UtcDateColumn()
  endsAt!: Date;

  @Column({ type: "int" })
  capacity!: number;

  /** Students holding a place. Never above capacity. */
  @Column({ type: "int", default: 0 })
  confirmed!: number;

  /** Students on the waiting list. */
  @Column({ type: "int", default: 0 })
  waiting!: number;

  /** Sign-ups so far, cancelled ones included: numbers each sign-up, which orders the waiting list. */
  @Column({ type: "int", default: 0 })
  lastSeq!: number;

  @Column({ type: "varchar", length: 36 })
  publishedByAccountId!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
