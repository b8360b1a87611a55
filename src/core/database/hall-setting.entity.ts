import { Column, Entity, PrimaryColumn } from "typeorm";
import { UpdatedAtColumn } from "./columns";

/** Small facts the hall keeps about itself, such as which seed sets it has applied. */
@Entity("hall_setting")
export class HallSettingEntity {
  @PrimaryColumn({ type: "varchar", length: 100 })
  key!: string;

  @Column({ type: "text" })
  value!: string;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
