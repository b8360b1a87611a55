import { Column, Entity, PrimaryColumn } from "typeorm";
import { CreatedAtColumn } from "../database/columns";

export type CalendarDayKind = "CLOSED" | "WORKDAY";

/** A day that departs from the weekly hours: a holiday, or a weekend day worked instead. */
@Entity("calendar_day")
export class CalendarDayEntity {
  /** The day in the hall's time zone, YYYY-MM-DD. */
  @PrimaryColumn({ type: "varchar", length: 10 })
  date!: string;

  @Column({ type: "varchar", length: 16 })
  kind!: CalendarDayKind;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
