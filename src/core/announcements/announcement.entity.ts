import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UpdatedAtColumn, UtcDateColumn } from "../database/columns";

/**
 * A notice of the hall's 信息发布 function: a department's, or the whole hall's when it has
 * no department. It shows from validFrom until validTo (open-ended when null) unless withdrawn;
 * a withdrawn notice stays in the table for the record.
 */
@Entity("announcement")
@Index("ix_announcement_board", ["departmentCode", "withdrawnAt", "validFrom"])
export class AnnouncementEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** Null for a hall-wide notice. */
  @Column({ type: "varchar", length: 32, nullable: true })
  departmentCode!: string | null;

  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Column({ type: "text" })
  body!: string;

  @UtcDateColumn()
  validFrom!: Date;

  @UtcDateColumn({ nullable: true })
  validTo!: Date | null;

  /** Lower first on the board; notices of one order show newest first. */
  @Column({ type: "int", default: 100 })
  sortOrder!: number;

  @UtcDateColumn({ nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: "varchar", length: 36 })
  createdByAccountId!: string;

  @Column({ type: "varchar", length: 36 })
  updatedByAccountId!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
