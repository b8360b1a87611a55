import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UtcDateColumn } from "../../../core";

export type RoomBookingStatus = "BOOKED" | "CANCELLED";

/**
 * A room booked for one stretch of half hours on one local day. The half hours themselves are
 * rows of RoomSlotEntity, whose key is what makes a double booking impossible.
 */
@Entity("logistics_room_booking")
@Index("ix_logistics_booking_room", ["roomId", "date", "startMinute"])
@Index("ix_logistics_booking_student", ["studentAccountId", "startsAt"])
export class RoomBookingEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  roomId!: string;

  /** The hall's local date, YYYY-MM-DD. */
  @Column({ type: "varchar", length: 10 })
  date!: string;

  /** Minutes after local midnight, on the 30-minute grid; the end is exclusive. */
  @Column({ type: "int" })
  startMinute!: number;

  @Column({ type: "int" })
  endMinute!: number;

  /** The same start as a UTC instant, so lists sort and "in the past" compares without zones. */
  @UtcDateColumn()
  startsAt!: Date;

  @UtcDateColumn()
  endsAt!: Date;

  @Column({ type: "varchar", length: 200 })
  purpose!: string;

  @Column({ type: "int" })
  attendees!: number;

  /** The student answerable for the room; null for a walk-in without an account yet. */
  @Column({ type: "varchar", length: 36, nullable: true })
  studentAccountId!: string | null;

  @Column({ type: "varchar", length: 32, nullable: true })
  studentNo!: string | null;

  /** Who made the booking: the student, or the staff member at the window. */
  @Column({ type: "varchar", length: 36 })
  bookedByAccountId!: string;

  @Column({ type: "varchar", length: 16 })
  status!: RoomBookingStatus;

  @UtcDateColumn({ nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  cancelledByAccountId!: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  cancelReason!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
