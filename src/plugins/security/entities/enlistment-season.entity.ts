import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UpdatedAtColumn } from "../../../core";

/**
 * A call for pre-enlistment and military service registration, open from one local day to
 * another. Seasons never overlap, so on any day at most one is open.
 */
@Entity("security_enlistment_season")
@Index("ix_security_season_dates", ["opensOn", "closesOn"])
export class EnlistmentSeasonEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** E.g. 2027 年上半年征兵. */
  @Column({ type: "varchar", length: 100 })
  name!: string;

  /** First day of registration, YYYY-MM-DD in the hall's time zone. */
  @Column({ type: "varchar", length: 10 })
  opensOn!: string;

  /** Last day of registration, inclusive. */
  @Column({ type: "varchar", length: 10 })
  closesOn!: string;

  /** The youngest age, in whole years on the day of registering, that may register. */
  @Column({ type: "int" })
  minAge!: number;

  /** The oldest age, inclusive. */
  @Column({ type: "int" })
  maxAge!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
