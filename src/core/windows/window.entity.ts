import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn, UtcDateColumn } from "../database/columns";

/** A counter of the hall where one department's services are handled. */
@Entity("service_window")
export class WindowEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The number painted over the window, e.g. "3". */
  @Index("uq_service_window_number", { unique: true })
  @Column({ type: "varchar", length: 16 })
  number!: string;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  /** Services this window handles; callNext picks only among these. */
  @JsonColumn()
  serviceCodes!: string[];

  /** The window's own hours where they differ from the hall's. */
  @Column({ type: "varchar", length: 200, nullable: true })
  hours!: string | null;

  /** The account on duty; a unique key keeps one person on one window at a time. */
  @Index("uq_service_window_on_duty", { unique: true })
  @Column({ type: "varchar", length: 36, nullable: true })
  onDutyAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  onDutyBadgeNo!: string | null;

  @UtcDateColumn({ nullable: true })
  onDutySince!: Date | null;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
