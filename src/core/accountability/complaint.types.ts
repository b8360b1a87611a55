import { IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export enum ComplaintStatusValue {
  FILED = "FILED",
  ACKNOWLEDGED = "ACKNOWLEDGED",
  INVESTIGATING = "INVESTIGATING",
  UPHELD = "UPHELD",
  DISMISSED = "DISMISSED",
}
registerEnumType(ComplaintStatusValue, {
  name: "ComplaintStatus",
  description: "Where a complaint stands.",
  valuesConfig: {
    FILED: { description: "Received; to be acknowledged within the working-day deadline." },
    ACKNOWLEDGED: { description: "A supervisor has taken it up." },
    INVESTIGATING: { description: "Being looked into." },
    UPHELD: { description: "Found justified; counts on the accountability ladder." },
    DISMISSED: { description: "Not found justified; may be appealed once." },
  },
});

export enum AppealStatusValue {
  PENDING = "PENDING",
  GRANTED = "GRANTED",
  REFUSED = "REFUSED",
}
registerEnumType(AppealStatusValue, {
  name: "AppealStatus",
  description: "Where the appeal of a dismissed complaint stands.",
  valuesConfig: {
    PENDING: { description: "Waiting for a supervisor other than the one who dismissed it." },
    GRANTED: { description: "The complaint is upheld after all." },
    REFUSED: { description: "The dismissal stands." },
  },
});

export enum ComplaintStepKindValue {
  FILED = "FILED",
  ACKNOWLEDGED = "ACKNOWLEDGED",
  INVESTIGATING = "INVESTIGATING",
  UPHELD = "UPHELD",
  DISMISSED = "DISMISSED",
  APPEALED = "APPEALED",
  APPEAL_GRANTED = "APPEAL_GRANTED",
  APPEAL_REFUSED = "APPEAL_REFUSED",
}
registerEnumType(ComplaintStepKindValue, {
  name: "ComplaintStepKind",
  description: "One step in a complaint's history.",
  valuesConfig: {
    FILED: { description: "The complainant filed it." },
    ACKNOWLEDGED: { description: "A supervisor acknowledged it." },
    INVESTIGATING: { description: "A supervisor began looking into it." },
    UPHELD: { description: "Concluded as justified." },
    DISMISSED: { description: "Concluded as not justified." },
    APPEALED: { description: "The complainant appealed the dismissal." },
    APPEAL_GRANTED: { description: "A second supervisor granted the appeal: upheld." },
    APPEAL_REFUSED: { description: "A second supervisor refused the appeal: the dismissal stands." },
  },
});

/**
 * What anyone allowed to see a complaint sees, the volunteer concerned included: whom it is
 * against and where it stands. It has no field for the complainant, the visit, the answer or
 * the supervisors' notes, so no query returning it can reveal who complained.
 *
 * TODO: the complainant's own text is shown as written, so one who signs their name in it is
 * known to the volunteer; a supervisor-redacted text for this view would close that.
 */
@ObjectType("Complaint", { description: "A complaint as the volunteer or department concerned sees it: never who filed it." })
export class ComplaintView {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => ComplaintStatusValue, { description: "Where it stands." })
  status!: ComplaintStatusValue;

  @Field(() => String, { nullable: true, description: "Badge of the volunteer it is against." })
  badgeNo!: string | null;

  @Field(() => String, { nullable: true, description: "The window it is against." })
  windowNumber!: string | null;

  @Field({ description: "The department answerable." })
  departmentCode!: string;

  @Field({ description: "What the complainant wrote." })
  text!: string;

  @Field({ description: "When it was filed (UTC)." })
  filedAt!: Date;

  @Field({ description: "Acknowledge by (UTC), in working days from filing." })
  acknowledgeDueAt!: Date;

  @Field({ description: "Conclude by (UTC), in working days from filing." })
  concludeDueAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was acknowledged (UTC)." })
  acknowledgedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was concluded (UTC)." })
  concludedAt!: Date | null;

  @Field(() => AppealStatusValue, { nullable: true, description: "The appeal, if the dismissal was appealed." })
  appealStatus!: AppealStatusValue | null;

  @Field(() => Date, { nullable: true, description: "When the appeal is to be decided by (UTC)." })
  appealDueAt!: Date | null;
}

@ObjectType("FiledComplaint", { description: "A complaint as its complainant sees it, with the answers they were given." })
export class FiledComplaintView extends ComplaintView {
  @Field(() => ID, { nullable: true, description: "The complainant's ticket it is about." })
  ticketId!: string | null;

  @Field(() => ID, { nullable: true, description: "The complainant's case it is about." })
  caseId!: string | null;

  @Field(() => String, { nullable: true, description: "The conclusion, as answered to the complainant." })
  answer!: string | null;

  @Field(() => String, { nullable: true, description: "Why the dismissal was appealed." })
  appealReason!: string | null;

  @Field(() => String, { nullable: true, description: "The answer to the appeal." })
  appealAnswer!: string | null;
}

@ObjectType({ description: "Who filed a complaint. Shown to supervisors and admins only." })
export class Complainant {
  @Field(() => ID, { description: "Their account." })
  accountId!: string;

  @Field({ description: "Their name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Their student number." })
  studentNo!: string | null;
}

@ObjectType({ description: "One step of a complaint, with its note." })
export class ComplaintStep {
  @Field(() => ComplaintStepKindValue, { description: "What was done." })
  kind!: ComplaintStepKindValue;

  @Field({ description: "When (UTC)." })
  at!: Date;

  @Field(() => ID, { description: "The account that did it." })
  actorAccountId!: string;

  @Field(() => String, { nullable: true, description: "The step's note." })
  note!: string | null;
}

@ObjectType("ComplaintRecord", {
  description: "A complaint with the complainant and the steps' notes: for supervisors and admins only.",
})
export class ComplaintRecordView extends FiledComplaintView {
  @Field(() => Date, { nullable: true, description: "When the acknowledgement deadline was missed and told to the feed." })
  acknowledgeMissedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the conclusion deadline was missed and told to the feed." })
  concludeMissedAt!: Date | null;

  @Field({ description: "The last change (UTC); `complaints(since:)` pages by it." })
  lastChangedAt!: Date;
}

@InputType({ description: "A complaint against a volunteer (by badge), a window or a department; name at least one." })
export class FileComplaintInput {
  @Field(() => String, { nullable: true, description: "Badge number of the volunteer." })
  @IsOptional()
  @MaxLength(32)
  badgeNo?: string;

  @Field(() => ID, { nullable: true, description: "The window." })
  @IsOptional()
  @MaxLength(36)
  windowId?: string;

  @Field(() => String, { nullable: true, description: "The department code." })
  @IsOptional()
  @MaxLength(32)
  department?: string;

  @Field(() => ID, { nullable: true, description: "Your ticket it is about, if any." })
  @IsOptional()
  @MaxLength(36)
  ticketId?: string;

  @Field(() => ID, { nullable: true, description: "Your case it is about, if any." })
  @IsOptional()
  @MaxLength(36)
  caseId?: string;

  @Field({ description: "What happened: 1 to 2000 characters." })
  @Length(1, 2000)
  text!: string;
}
