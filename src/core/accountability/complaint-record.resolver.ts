import { IsOptional } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { In } from "typeorm";
import { assertActsForDepartment, requireActor } from "../auth/access";
import { AccountEntity } from "../auth/account.entity";
import { Role } from "../auth/role";
import { requestLoader } from "../common/loaders";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import { sqlTime } from "../database/time";
import type { HallContext } from "../server/hall-context";
import type { ComplaintStepEntity } from "./complaint-step.entity";
import { ComplaintEntity } from "./complaint.entity";
import {
  Complainant,
  ComplaintRecordView,
  ComplaintStatusValue,
  ComplaintStep,
  ComplaintView,
  FiledComplaintView,
} from "./complaint.types";
import { keysetPage } from "../common/pagination";
import { OVERSEEING, SUPERVISING, VISITING } from "./roles";

const ComplaintPage = PageOf(ComplaintView, "Complaint");
const FiledComplaintPage = PageOf(FiledComplaintView, "FiledComplaint");
const ComplaintRecordPage = PageOf(ComplaintRecordView, "ComplaintRecord");

@ArgsType()
class SinceArgs extends PageArgs {
  @Field(() => Date, { nullable: true, description: "Only complaints changed at or after this time (UTC)." })
  @IsOptional()
  since?: Date;

  @Field(() => ComplaintStatusValue, { nullable: true, description: "Only complaints in this state." })
  @IsOptional()
  status?: ComplaintStatusValue;
}

@ArgsType()
class DepartmentComplaintsArgs extends PageArgs {
  @Field({ description: "Department code; staff may ask only for their own." })
  department!: string;

  @Field(() => ComplaintStatusValue, { nullable: true, description: "Only complaints in this state." })
  @IsOptional()
  status?: ComplaintStatusValue;
}

/**
 * Complaints' reads. Each audience gets its own type: the volunteer concerned and the
 * department get `Complaint`, the complainant `FiledComplaint`, supervisors `ComplaintRecord`.
 */
@Resolver(() => ComplaintRecordView)
export class ComplaintRecordResolver {
  @Authorized(...SUPERVISING)
  @Query(() => ComplaintRecordPage, {
    description:
      "Every complaint changed since a time, oldest change first: how a reconnecting supervisor catches up with the feed.",
  })
  complaints(@Args() args: SinceArgs, @Ctx() { services }: HallContext): Promise<Page<ComplaintEntity>> {
    const query = services.database.manager.createQueryBuilder(ComplaintEntity, "c");
    if (args.since) query.andWhere("c.lastChangedAt >= :since", { since: sqlTime(args.since) });
    if (args.status) query.andWhere("c.status = :status", { status: args.status });
    return keysetPage(query, "lastChangedAt", "ASC", args);
  }

  @Authorized(...SUPERVISING)
  @Query(() => ComplaintRecordView, { description: "One complaint with its complainant and history." })
  complaint(@Arg("id", () => ID) id: string, @Ctx() { services }: HallContext) {
    return services.complaints.get(id);
  }

  @Authorized(...VISITING)
  @Query(() => FiledComplaintPage, { description: "Complaints the signed-in student filed, newest first." })
  myComplaints(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<ComplaintEntity>> {
    const me = requireActor(context).accountId;
    const query = context.services.database.manager
      .createQueryBuilder(ComplaintEntity, "c")
      .where("c.complainantAccountId = :me", { me });
    return keysetPage(query, "filedAt", "DESC", args);
  }

  @Authorized(Role.VOLUNTEER)
  @Query(() => ComplaintPage, {
    description: "Complaints against the signed-in volunteer, newest first; never who filed them.",
  })
  complaintsAboutMe(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<ComplaintEntity>> {
    const me = requireActor(context).accountId;
    const query = context.services.database.manager
      .createQueryBuilder(ComplaintEntity, "c")
      .where("c.volunteerAccountId = :me", { me });
    return keysetPage(query, "filedAt", "DESC", args);
  }

  @Authorized(...OVERSEEING)
  @Query(() => ComplaintPage, {
    description: "Complaints concerning a department, newest first; never who filed them.",
  })
  departmentComplaints(@Args() args: DepartmentComplaintsArgs, @Ctx() context: HallContext) {
    context.services.departments.get(args.department);
    assertActsForDepartment(requireActor(context), args.department);
    const query = context.services.database.manager
      .createQueryBuilder(ComplaintEntity, "c")
      .where("c.departmentCode = :department", { department: args.department });
    if (args.status) query.andWhere("c.status = :status", { status: args.status });
    return keysetPage(query, "filedAt", "DESC", args);
  }

  @FieldResolver(() => Complainant, { description: "Who filed it; the student number as it was at filing." })
  async complainant(@Root() complaint: ComplaintEntity, @Ctx() context: HallContext): Promise<Complainant> {
    const account = await requestLoader<string, Complainant>(context, "complaint.complainant", async (ids) => {
      const accounts = await context.services.database.manager.find(AccountEntity, {
        select: { id: true, name: true, studentNo: true },
        where: { id: In([...ids]) },
      });
      return ids.map((id) => {
        const found = accounts.find((a) => a.id === id);
        return { accountId: id, name: found?.name ?? "(account removed)", studentNo: found?.studentNo ?? null };
      });
    }).load(complaint.complainantAccountId);
    return { ...account, studentNo: complaint.complainantStudentNo ?? account.studentNo };
  }

  @FieldResolver(() => [ComplaintStep], { description: "Every step with its note, oldest first." })
  history(@Root() complaint: ComplaintEntity, @Ctx() context: HallContext): Promise<ComplaintStepEntity[]> {
    return requestLoader<string, ComplaintStepEntity[]>(context, "complaint.history", async (ids) => {
      const byComplaint = await context.services.complaints.steps(ids);
      return ids.map((id) => byComplaint.get(id) ?? []);
    }).load(complaint.id);
  }
}
