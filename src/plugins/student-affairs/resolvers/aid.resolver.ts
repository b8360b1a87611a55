import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  type HallContext,
  MaterialCountInput,
  type Page,
  PageArgs,
  PageOf,
  requestLoader,
  requireActor,
  Role,
} from "../../../core";
import type { AidBatchEntity } from "../entities/aid-batch.entity";
import type { AidSubmissionEntity } from "../entities/aid-submission.entity";
import { AID, DESK } from "../permissions";
import type { AidBatchCounts as Counts } from "../services/aid.service";
import { DEPARTMENT } from "../services/desk";
import { studentAffairs } from "../services/student-affairs";
import { AidBatch, AidBatchCounts, AidBatchesArgs, AidBatchInput, AidSubmission } from "./aid.types";
import { READERS, STUDENTS } from "./student-id.resolver";

const AidBatchPage = PageOf(AidBatch, "AidBatch");
const AidSubmissionPage = PageOf(AidSubmission, "AidSubmission");

@Resolver(() => AidBatch)
export class AidBatchResolver {
  @Authorized(AID)
  @Mutation(() => AidBatch, { description: "Opens a scholarship or aid batch for a season." })
  createAidBatch(@Arg("input") input: AidBatchInput, @Ctx() context: HallContext) {
    return studentAffairs(context.services).aid.createBatch(requireActor(context), input);
  }

  @Authorized(AID)
  @Mutation(() => AidBatch, { description: "Moves a batch's season, e.g. to give students more days." })
  setAidBatchWindow(
    @Arg("batchId", () => ID) batchId: string,
    @Arg("opensAt") opensAt: Date,
    @Arg("closesAt") closesAt: Date,
    @Ctx() context: HallContext,
  ) {
    return studentAffairs(context.services).aid.setWindow(requireActor(context), batchId, opensAt, closesAt);
  }

  @Authorized()
  @Query(() => AidBatchPage, { description: "Aid batches, latest season first." })
  aidBatches(@Args() args: AidBatchesArgs, @Ctx() context: HallContext): Promise<Page<AidBatchEntity>> {
    return studentAffairs(context.services).aid.batches(args.openAt ?? null, args);
  }

  @Authorized()
  @Query(() => AidBatch, { description: "One aid batch." })
  aidBatch(@Arg("id", () => ID) id: string, @Ctx() context: HallContext) {
    return studentAffairs(context.services).aid.batch(id);
  }

  @FieldResolver(() => Boolean, { description: "Whether materials are taken now." })
  isOpen(@Root() batch: AidBatchEntity, @Ctx() context: HallContext): boolean {
    const now = context.services.clock.now().getTime();
    return batch.opensAt.getTime() <= now && now < batch.closesAt.getTime();
  }

  @FieldResolver(() => AidBatchCounts, {
    nullable: true,
    description: "How many handed in, complete and handed out; for the department's staff and supervisors, else null.",
  })
  async counts(@Root() batch: AidBatchEntity, @Ctx() context: HallContext): Promise<AidBatchCounts | null> {
    const actor = requireActor(context);
    const staff = actor.role === Role.STAFF && actor.department === DEPARTMENT;
    if (!staff && actor.role !== Role.SUPERVISOR && actor.role !== Role.ADMIN) return null;
    const counts = await requestLoader<string, Counts>(context, "student-affairs.aidCounts", async (ids) => {
      const byBatch = await studentAffairs(context.services).aid.counts(ids);
      return ids.map((id) => byBatch.get(id) ?? { submissions: 0, complete: 0, handedOut: 0 });
    }).load(batch.id);
    return { ...counts, incomplete: counts.submissions - counts.complete };
  }
}

@Resolver(() => AidSubmission)
export class AidSubmissionResolver {
  @Authorized(DESK)
  @Mutation(() => AidSubmission, {
    description: "Takes in a student's materials for a batch while it is open; they add up by name.",
  })
  collectAidMaterials(
    @Arg("batchId", () => ID) batchId: string,
    @Arg("studentNo") studentNo: string,
    @Arg("materials", () => [MaterialCountInput]) materials: MaterialCountInput[],
    @Ctx() context: HallContext,
  ) {
    return studentAffairs(context.services).aid.collect(requireActor(context), batchId, studentNo, materials);
  }

  @Authorized(DESK)
  @Mutation(() => AidSubmission, {
    description: "Hands the award to a student whose materials are complete; once per student and batch.",
  })
  handOutAid(
    @Arg("batchId", () => ID) batchId: string,
    @Arg("studentNo") studentNo: string,
    @Arg("note", { description: "What was handed out, e.g. the certificate." }) note: string,
    @Ctx() context: HallContext,
  ) {
    return studentAffairs(context.services).aid.handOut(requireActor(context), batchId, studentNo, note);
  }

  @Authorized(...READERS)
  @Query(() => AidSubmissionPage, { description: "What students handed in for a batch, latest first." })
  aidSubmissions(
    @Arg("batchId", () => ID) batchId: string,
    @Args() args: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<AidSubmissionEntity>> {
    return studentAffairs(context.services).aid.submissions(requireActor(context), batchId, args);
  }

  @Authorized(...STUDENTS)
  @Query(() => AidSubmissionPage, { description: "What the signed-in student handed in, latest first." })
  myAidSubmissions(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<AidSubmissionEntity>> {
    return studentAffairs(context.services).aid.mine(requireActor(context), args);
  }

  @FieldResolver(() => AidBatch, { description: "The batch it belongs to." })
  batch(@Root() submission: AidSubmissionEntity, @Ctx() context: HallContext): Promise<AidBatchEntity> {
    return requestLoader<string, AidBatchEntity>(context, "student-affairs.aidBatch", async (ids) => {
      const batches = await studentAffairs(context.services).aid.batchesById(ids);
      return ids.map((id) => batches.get(id) ?? new Error(`aid batch ${id} is missing`));
    }).load(submission.batchId);
  }
}
