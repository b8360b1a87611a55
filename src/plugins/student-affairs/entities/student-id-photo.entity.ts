import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn } from "../../../core";

/** A checked 1-inch photo for a student ID booklet; its bytes are in photo chunks. */
@Entity("sa_student_id_photo")
@Index("ix_sa_id_photo_student", ["studentAccountId"])
export class StudentIdPhotoEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 16 })
  mimeType!: "image/jpeg" | "image/png";

  @Column({ type: "int" })
  width!: number;

  @Column({ type: "int" })
  height!: number;

  @Column({ type: "int" })
  byteSize!: number;

  @Column({ type: "varchar", length: 64 })
  sha256!: string;

  @Column({ type: "int" })
  chunkCount!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}

/**
 * A slice of a photo's bytes. A plain BLOB holds 64 KB on MySQL and larger BLOB types do not
 * exist on SQLite, so a photo of up to 2 MB is kept as numbered slices that fit both, written
 * in the application's own transaction.
 */
@Entity("sa_student_id_photo_chunk")
export class StudentIdPhotoChunkEntity {
  @PrimaryColumn({ type: "varchar", length: 36 })
  photoId!: string;

  @PrimaryColumn({ type: "int" })
  seq!: number;

  @Column({ type: "blob" })
  bytes!: Buffer;
}
