import { Column, Entity, PrimaryColumn } from "typeorm";
import { CreatedAtColumn } from "../database/columns";

/** A resident department, seeded from its plugin. */
@Entity("department")
export class DepartmentEntity {
  @PrimaryColumn({ type: "varchar", length: 32 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ type: "varchar", length: 100 })
  nameEn!: string;

  @Column({ type: "varchar", length: 4 })
  ticketPrefix!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
