import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One booked half hour of one room. The primary key (room, date, start) admits one booking
 * per half hour whatever the database does concurrently: of two bookings that overlap, the
 * second insert fails. Rows go when their booking is cancelled, freeing the half hours.
 */
@Entity("logistics_room_slot")
@Index("ix_logistics_slot_booking", ["bookingId"])
export class RoomSlotEntity {
  @PrimaryColumn({ type: "varchar", length: 36 })
  roomId!: string;

  @PrimaryColumn({ type: "varchar", length: 10 })
  date!: string;

  /** Minutes after local midnight: 0, 30, 60, … */
  @PrimaryColumn({ type: "int" })
  startMinute!: number;

  @Column({ type: "varchar", length: 36 })
  bookingId!: string;
}
