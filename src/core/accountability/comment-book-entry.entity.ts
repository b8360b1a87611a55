import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../database/columns";

export type CommentBookStatus = "PENDING" | "PUBLISHED" | "HIDDEN";

/** One entry of the hall's comment book (意见簿), written by anyone, moderated by a supervisor. */
@Entity("comment_book_entry")
@Index("ix_comment_book_status", ["status", "writtenAt"])
@Index("ix_comment_book_address", ["addressKey", "writtenAt"])
export class CommentBookEntryEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "text" })
  text!: string;

  /** A name the writer chose to sign with, if any; never taken from the account. */
  @Column({ type: "varchar", length: 64, nullable: true })
  signature!: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  authorAccountId!: string | null;

  /** A hash of the writer's network address: enough to count entries per hour, not to find them. */
  @Column({ type: "varchar", length: 64 })
  addressKey!: string;

  @Column({ type: "varchar", length: 16 })
  status!: CommentBookStatus;

  @UtcDateColumn()
  writtenAt!: Date;

  @UtcDateColumn({ nullable: true })
  moderatedAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  moderatedByAccountId!: string | null;

  @Column({ type: "varchar", length: 500, nullable: true })
  hiddenReason!: string | null;

  @Column({ type: "text", nullable: true })
  answer!: string | null;

  @UtcDateColumn({ nullable: true })
  answeredAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  answeredByAccountId!: string | null;
}
