import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The last number handed out per department and day. Taking a ticket bumps this row with
 * an upsert, which row-locks it on MySQL until commit, so two servers never hand out one
 * number; the unique key on tickets is the second guard.
 */
@Entity("ticket_counter")
export class TicketCounterEntity {
  @PrimaryColumn({ type: "varchar", length: 32 })
  departmentCode!: string;

  @PrimaryColumn({ type: "varchar", length: 10 })
  serviceDay!: string;

  @Column({ type: "int" })
  lastSeq!: number;
}
