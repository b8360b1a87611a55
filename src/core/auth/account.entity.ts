import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UpdatedAtColumn } from "../database/columns";
import type { Role } from "./role";

/** A person who signs in: student, volunteer, staff, supervisor or admin. */
@Entity("account")
export class AccountEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The sign-in name. */
  @Index("uq_account_account", { unique: true })
  @Column({ type: "varchar", length: 64 })
  account!: string;

  @Column({ type: "varchar", length: 255 })
  passwordHash!: string;

  @Column({ type: "varchar", length: 16 })
  role!: Role;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 32, nullable: true })
  department!: string | null;

  @Index("uq_account_badge_no", { unique: true })
  @Column({ type: "varchar", length: 32, nullable: true })
  badgeNo!: string | null;

  @Index("uq_account_student_no", { unique: true })
  @Column({ type: "varchar", length: 32, nullable: true })
  studentNo!: string | null;

  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
