import { Arg, Args, ArgsType, Authorized, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import { requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import type { HallContext } from "../server/hall-context";
import { CoachingTalkEntity } from "./coaching-talk.entity";
import { CoachingTalkView, RecordCoachingTalkInput } from "./coaching-talk.types";
import { keysetPage } from "../common/pagination";
import { SUPERVISING } from "./roles";
import { findVolunteer } from "./volunteers";

const CoachingTalkPage = PageOf(CoachingTalkView, "CoachingTalk");

@ArgsType()
class TalksArgs extends PageArgs {
  @Field({ description: "Badge of the volunteer." })
  badgeNo!: string;
}

@Resolver(() => CoachingTalkView)
export class CoachingTalkResolver {
  @Authorized(...SUPERVISING)
  @Mutation(() => CoachingTalkView, {
    description:
      "Records a coaching talk. It answers the volunteer's open flags; REPLACE takes them off window duty until an admin reinstates them.",
  })
  recordCoachingTalk(@Arg("input") input: RecordCoachingTalkInput, @Ctx() context: HallContext) {
    return context.services.coachingTalks.record(requireActor(context), input);
  }

  @Authorized(...SUPERVISING)
  @Query(() => CoachingTalkPage, {
    description: "A volunteer's coaching talks, newest first; the whole history.",
  })
  async coachingTalks(
    @Args() args: TalksArgs,
    @Ctx() { services }: HallContext,
  ): Promise<Page<CoachingTalkEntity>> {
    const volunteer = await findVolunteer(services.database.manager, args.badgeNo);
    return this.talksOf(services, volunteer.accountId, args);
  }

  @Authorized(Role.VOLUNTEER)
  @Query(() => CoachingTalkPage, { description: "The signed-in volunteer's own coaching talks, newest first." })
  myCoachingTalks(@Args() args: PageArgs, @Ctx() context: HallContext): Promise<Page<CoachingTalkEntity>> {
    return this.talksOf(context.services, requireActor(context).accountId, args);
  }

  private talksOf(services: HallContext["services"], accountId: string, args: PageArgs) {
    const query = services.database.manager
      .createQueryBuilder(CoachingTalkEntity, "t")
      .where("t.volunteerAccountId = :accountId", { accountId });
    return keysetPage(query, "recordedAt", "DESC", args);
  }
}
