import { IsOptional } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Mutation, Query, Resolver } from "type-graphql";
import { requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { type Page, PageArgs, PageOf } from "../common/pagination";
import { BadInputError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import { keysetPage } from "../common/pagination";
import { VolunteerFlagView, VolunteerStandingView } from "./ladder.types";
import type { Standing } from "./ladder.service";
import { SUPERVISING } from "./roles";
import { VolunteerFlagEntity } from "./volunteer-flag.entity";

const VolunteerFlagPage = PageOf(VolunteerFlagView, "VolunteerFlag");

@ArgsType()
class FlagsArgs extends PageArgs {
  @Field({ defaultValue: true, description: "True: only flags no coaching talk has answered; false: the whole history." })
  @IsOptional()
  open!: boolean;
}

@Resolver()
export class LadderResolver {
  @Authorized(...SUPERVISING)
  @Query(() => VolunteerFlagPage, {
    description: "Volunteers flagged by the accountability ladder, newest flag first.",
  })
  flaggedVolunteers(
    @Args() args: FlagsArgs,
    @Ctx() { services }: HallContext,
  ): Promise<Page<VolunteerFlagEntity>> {
    const query = services.database.manager.createQueryBuilder(VolunteerFlagEntity, "f");
    if (args.open) query.andWhere("f.openKey IS NOT NULL");
    return keysetPage(query, "raisedAt", "DESC", args);
  }

  @Authorized(...SUPERVISING)
  @Query(() => VolunteerStandingView, {
    description: "Where a volunteer stands: open flags, and whether they are off duty.",
  })
  async volunteerStanding(@Arg("badgeNo") badgeNo: string, @Ctx() { services }: HallContext) {
    return standingView(await services.ladder.standing(badgeNo));
  }

  @Authorized(Role.VOLUNTEER)
  @Query(() => VolunteerStandingView, { description: "Where the signed-in volunteer stands on the ladder." })
  async myStanding(@Ctx() context: HallContext) {
    const badgeNo = requireActor(context).badgeNo;
    if (!badgeNo) throw new BadInputError("badgeNo", "Your account has no badge number.");
    return standingView(await context.services.ladder.standing(badgeNo));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VolunteerStandingView, {
    description: "Lets a volunteer taken off duty by a REPLACE outcome sign on to windows again. Admins only.",
  })
  async reinstateVolunteer(
    @Arg("badgeNo") badgeNo: string,
    @Arg("note", { description: "Why they are reinstated: 1 to 500 characters." }) note: string,
    @Ctx() context: HallContext,
  ) {
    const why = note.trim();
    if (!why || why.length > 500) {
      throw new BadInputError("note", "Say in 1 to 500 characters why they are reinstated.");
    }
    return standingView(await context.services.ladder.reinstate(requireActor(context), badgeNo, why));
  }
}

function standingView(standing: Standing): VolunteerStandingView {
  return {
    badgeNo: standing.volunteer.badgeNo,
    offDuty: Boolean(standing.removal),
    offDutySince: standing.removal?.removedAt ?? null,
    openFlags: standing.openFlags as VolunteerFlagView[],
  };
}
