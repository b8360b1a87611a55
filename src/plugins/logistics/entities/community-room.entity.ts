import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { CreatedAtColumn, UpdatedAtColumn } from "../../../core";

/** An activity room in the student community that classes and clubs book by the half hour. */
@Entity("logistics_room")
export class CommunityRoomEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** What students call it, e.g. 东区活动室 A; two rooms of one name would be booked by mistake. */
  @Index("uq_logistics_room_name", { unique: true })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  location!: string | null;

  /** The most people the room holds; a booking for more is refused. */
  @Column({ type: "int" })
  capacity!: number;

  /** A room taken out of use keeps its bookings' history but takes no new ones. */
  @Column({ type: "boolean", default: true })
  active!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
