import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../../core";

/** Something the charity desk lends (爱心服务): umbrellas, staplers, chargers. */
@Entity("league_charity_item")
export class CharityItemEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("uq_league_charity_item_name", { unique: true })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 500, nullable: true })
  description!: string | null;

  /** On the shelf now; a loan takes one with a conditional UPDATE, so it never goes below 0. */
  @Column({ type: "int" })
  stock!: number;

  /** Days a borrower may keep one. */
  @Column({ type: "int" })
  loanDays!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
