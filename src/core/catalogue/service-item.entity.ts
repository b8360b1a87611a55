import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn, UtcDateColumn } from "../database/columns";
import type { CompletionMode, MaterialDefinition, VariantDefinition } from "../plugin/hall-plugin";

/** One service of the catalogue: what a student can get done at a window. */
@Entity("service_item")
@Index("ix_service_item_department", ["departmentCode", "code"])
export class ServiceItemEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index("uq_service_item_code", { unique: true })
  @Column({ type: "varchar", length: 64 })
  code!: string;

  @Column({ type: "varchar", length: 32 })
  departmentCode!: string;

  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 200 })
  nameEn!: string;

  @Column({ type: "text", nullable: true })
  description!: string | null;

  @Column({ type: "text", nullable: true })
  condition!: string | null;

  /** Money as whole fen: ¥2 is 200. */
  @Column({ type: "int", default: 0 })
  feeFen!: number;

  @Column({ type: "varchar", length: 16 })
  mode!: CompletionMode;

  @Column({ type: "int", nullable: true })
  promisedWorkingDays!: number | null;

  @JsonColumn()
  materials!: MaterialDefinition[];

  @JsonColumn()
  steps!: string[];

  @JsonColumn()
  variants!: VariantDefinition[];

  /** Opening hours of this service where they differ from the hall's. */
  @Column({ type: "varchar", length: 200, nullable: true })
  hours!: string | null;

  @UtcDateColumn({ nullable: true })
  retiredAt!: Date | null;

  /** Set once staff or an admin change the item: seeding never touches it after that. */
  @Column({ type: "boolean", default: false })
  editedByStaff!: boolean;

  /** Fingerprint of the plugin's definition last seeded, to see when the code changed it. */
  @Column({ type: "varchar", length: 64, nullable: true })
  seedHash!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
