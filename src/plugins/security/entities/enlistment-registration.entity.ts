import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { UtcDateColumn } from "../../../core";

export type EnlistmentKind = "PRE_ENLISTMENT" | "MILITARY_SERVICE";

/**
 * A student's registration in one season. It keeps what the window checks and the Security
 * Office needs, nothing more: no gender (registration is open to all), no identity card number,
 * and of the health declaration only that it was made.
 */
@Entity("security_enlistment_registration")
// One record per student and season, however many requests race: the key refuses the second.
@Index("uq_security_registration_student", ["seasonId", "studentAccountId"], { unique: true })
@Index("ix_security_registration_season", ["seasonId", "registeredAt"])
@Index("ix_security_registration_student", ["studentAccountId", "registeredAt"])
export class EnlistmentRegistrationEntity {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 36 })
  seasonId!: string;

  @Column({ type: "varchar", length: 24 })
  kind!: EnlistmentKind;

  @Column({ type: "varchar", length: 36 })
  studentAccountId!: string;

  @Column({ type: "varchar", length: 32 })
  studentNo!: string;

  /** The name on the student's account when registering, for the Security Office's list. */
  @Column({ type: "varchar", length: 100 })
  studentName!: string;

  /** As declared, for the window to check against the identity card. */
  @Column({ type: "varchar", length: 10 })
  birthDate!: string;

  /** Whole years on the day of registering, in the hall's time zone. */
  @Column({ type: "int" })
  ageAtRegistration!: number;

  /** The student declared good health; a registration without the declaration is refused. */
  @Column({ type: "boolean" })
  healthDeclared!: boolean;

  /** From the hall's clock, to the millisecond, so lists page on it. */
  @UtcDateColumn()
  registeredAt!: Date;
}
