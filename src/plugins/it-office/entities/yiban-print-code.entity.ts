import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

/**
 * A print code (打印验证码): one per student and local day, which the unique key holds even
 * under concurrent requests; it is valid on its own day only and is used once.
 */
@Entity("yiban_print_code")
@Index("uq_yiban_print_code_day", ["studentAccountId", "serviceDay"], { unique: true })
@Index("ix_yiban_print_code_service_day", ["serviceDay", "issuedAt"])
export class YibanPrintCodeEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** The hall's local day (YYYY-MM-DD) the code is valid on. */
  @Column({ type: "varchar", length: 10 })
  serviceDay!: string;

  /** What the student types at the print terminal. */
  @Index("uq_yiban_print_code_code", { unique: true })
  @Column({ type: "varchar", length: 16 })
  code!: string;

  @UtcDateColumn()
  issuedAt!: Date;

  @UtcDateColumn({ nullable: true })
  usedAt!: Date | null;

  @Column({ type: "int", nullable: true })
  pagesPrinted!: number | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  usedByAccountId!: string | null;

  /** Badge of the volunteer at the print desk, when a volunteer served. */
  @Column({ type: "varchar", length: 32, nullable: true })
  usedByBadgeNo!: string | null;
}
