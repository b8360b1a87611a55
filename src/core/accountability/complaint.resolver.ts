import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { requireActor } from "../auth/access";
import type { HallContext } from "../server/hall-context";
import { ComplaintRecordView, FileComplaintInput, FiledComplaintView } from "./complaint.types";
import { SUPERVISING, VISITING } from "./roles";

/** Complaints' writes: the complainant files and appeals; supervisors take it through its steps. */
@Resolver()
export class ComplaintResolver {
  @Authorized(...VISITING)
  @Mutation(() => FiledComplaintView, {
    description:
      "Files a complaint against a volunteer (badge number), a window or a department, optionally about your ticket or case.",
  })
  fileComplaint(@Arg("input") input: FileComplaintInput, @Ctx() context: HallContext) {
    return context.services.complaints.file(requireActor(context), input);
  }

  @Authorized(...VISITING)
  @Mutation(() => FiledComplaintView, {
    description: "Appeals a dismissed complaint of yours, once; a different supervisor decides.",
  })
  appealComplaint(
    @Arg("id", () => ID) id: string,
    @Arg("reason") reason: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.complaints.appeal(requireActor(context), id, reason);
  }

  @Authorized(...SUPERVISING)
  @Mutation(() => ComplaintRecordView, { description: "FILED → ACKNOWLEDGED, with a note." })
  acknowledgeComplaint(
    @Arg("id", () => ID) id: string,
    @Arg("note", { description: "What was done on acknowledging it." }) note: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.complaints.acknowledge(requireActor(context), id, note);
  }

  @Authorized(...SUPERVISING)
  @Mutation(() => ComplaintRecordView, { description: "ACKNOWLEDGED → INVESTIGATING, with a note." })
  investigateComplaint(
    @Arg("id", () => ID) id: string,
    @Arg("note", { description: "How it will be looked into." }) note: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.complaints.investigate(requireActor(context), id, note);
  }

  @Authorized(...SUPERVISING)
  @Mutation(() => ComplaintRecordView, {
    description: "INVESTIGATING → UPHELD or DISMISSED, with the answer given to the complainant.",
  })
  concludeComplaint(
    @Arg("id", () => ID) id: string,
    @Arg("upheld", { description: "True: the complaint is justified." }) upheld: boolean,
    @Arg("answer", { description: "The conclusion as told to the complainant." }) answer: string,
    @Arg("note", () => String, { nullable: true, description: "Findings for the record; else the answer." })
    note: string | null,
    @Ctx() context: HallContext,
  ) {
    return context.services.complaints.conclude(requireActor(context), id, upheld, answer, note);
  }

  @Authorized(...SUPERVISING)
  @Mutation(() => ComplaintRecordView, {
    description: "Decides the appeal of a dismissed complaint; not by the supervisor who dismissed it.",
  })
  decideAppeal(
    @Arg("id", () => ID) id: string,
    @Arg("upheld", { description: "True: the appeal is granted and the complaint upheld." }) upheld: boolean,
    @Arg("answer", { description: "The decision as told to the complainant." }) answer: string,
    @Ctx() context: HallContext,
  ) {
    return context.services.complaints.decideAppeal(requireActor(context), id, upheld, answer);
  }
}
