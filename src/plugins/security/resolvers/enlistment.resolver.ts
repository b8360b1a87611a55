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
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import {
  ForbiddenError,
  type HallContext,
  type Page,
  PageArgs,
  PageOf,
  Public,
  requestLoader,
  requireActor,
  Role, keysetPage } from "../../../core";
import { EnlistmentRegistrationEntity } from "../entities/enlistment-registration.entity";
import { EnlistmentSeasonEntity } from "../entities/enlistment-season.entity";
import { SECURITY_PERMISSIONS } from "../permissions";
import { enlistmentService } from "../services";
import { overseesSecurity } from "../services/security-staff";
import {
  CreateEnlistmentSeasonInput,
  EnlistmentKindValue,
  EnlistmentRegistrationView,
  EnlistmentSeasonView,
  RegisterForEnlistmentInput,
  UpdateEnlistmentSeasonInput,
} from "./enlistment.types";

const EnlistmentSeasonPage = PageOf(EnlistmentSeasonView, "EnlistmentSeason");
const EnlistmentRegistrationPage = PageOf(EnlistmentRegistrationView, "EnlistmentRegistration");

@ArgsType()
class EnlistmentRegistrationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this season's registrations." })
  @IsOptional()
  seasonId?: string;

  @Field(() => EnlistmentKindValue, { nullable: true, description: "Only registrations of this kind." })
  @IsOptional()
  kind?: EnlistmentKindValue;
}

@Resolver(() => EnlistmentSeasonView)
export class EnlistmentSeasonResolver {
  @Public()
  @Query(() => EnlistmentSeasonPage, { description: "Registration seasons, latest opening first." })
  enlistmentSeasons(
    @Args() args: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<EnlistmentSeasonEntity>> {
    const query = context.services.database.manager.createQueryBuilder(EnlistmentSeasonEntity, "s");
    return keysetPage(query, "opensOn", "DESC", args);
  }

  @Public()
  @Query(() => EnlistmentSeasonView, { nullable: true, description: "The season open today, or null." })
  currentEnlistmentSeason(@Ctx() context: HallContext): Promise<EnlistmentSeasonEntity | null> {
    return enlistmentService(context.services).openSeason();
  }

  @Authorized(SECURITY_PERMISSIONS.manageSeasons)
  @Mutation(() => EnlistmentSeasonView, {
    description:
      "Sets a registration season; it may not overlap another. Security Office staff and admins.",
  })
  createEnlistmentSeason(
    @Arg("input", { description: "The new season." }) input: CreateEnlistmentSeasonInput,
    @Ctx() context: HallContext,
  ) {
    return enlistmentService(context.services).createSeason(requireActor(context), input);
  }

  @Authorized(SECURITY_PERMISSIONS.manageSeasons)
  @Mutation(() => EnlistmentSeasonView, {
    description: "Moves a season's dates or changes its age range. Security Office staff and admins.",
  })
  updateEnlistmentSeason(
    @Arg("id", () => ID, { description: "The season." }) id: string,
    @Arg("input", { description: "What changes." }) input: UpdateEnlistmentSeasonInput,
    @Ctx() context: HallContext,
  ) {
    return enlistmentService(context.services).updateSeason(requireActor(context), id, input);
  }

  @FieldResolver(() => Boolean, {
    description: "True when registration is open today (hall's time zone).",
  })
  openNow(@Root() season: EnlistmentSeasonEntity, @Ctx() context: HallContext): boolean {
    return enlistmentService(context.services).isOpen(season);
  }
}

@Resolver(() => EnlistmentRegistrationView)
export class EnlistmentRegistrationResolver {
  @Authorized(Role.STUDENT)
  @Mutation(() => EnlistmentRegistrationView, {
    description:
      "Registers the signed-in student in the season open today. Refused outside a season " +
      "(OUTSIDE_SERVICE_HOURS), for an age outside the season's range or without the health " +
      "declaration (CONFLICT, naming the field), and a second time in one season (CONFLICT).",
  })
  registerForEnlistment(
    @Arg("input", { description: "The registration form." }) input: RegisterForEnlistmentInput,
    @Ctx() context: HallContext,
  ) {
    return enlistmentService(context.services).register(requireActor(context), input);
  }

  @Authorized(Role.STUDENT)
  @Query(() => EnlistmentRegistrationPage, {
    description: "The signed-in student's registrations, newest first.",
  })
  myEnlistmentRegistrations(
    @Args() args: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<EnlistmentRegistrationEntity>> {
    const query = context.services.database.manager
      .createQueryBuilder(EnlistmentRegistrationEntity, "r")
      .where("r.studentAccountId = :me", { me: requireActor(context).accountId });
    return keysetPage(query, "registeredAt", "DESC", args);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => EnlistmentRegistrationPage, {
    description:
      "Registrations, newest first, optionally of one season. Security Office staff, supervisors, admins.",
  })
  enlistmentRegistrations(
    @Args() args: EnlistmentRegistrationsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<EnlistmentRegistrationEntity>> {
    if (!overseesSecurity(requireActor(context))) {
      throw new ForbiddenError("Enlistment registrations are listed for Security Office staff only.");
    }
    const query = context.services.database.manager
      .createQueryBuilder(EnlistmentRegistrationEntity, "r")
      .where("1 = 1");
    if (args.seasonId) query.andWhere("r.seasonId = :season", { season: args.seasonId });
    if (args.kind) query.andWhere("r.kind = :kind", { kind: args.kind });
    return keysetPage(query, "registeredAt", "DESC", args);
  }

  @Authorized(SECURITY_PERMISSIONS.exportRegistrations)
  @Query(() => String, {
    description:
      "A season's registrations as CSV text (RFC 4180, CRLF lines, UTF-8), by student number, " +
      "with the columns season, student_no, name, kind, age_at_registration, health_declared, " +
      "registered_at (hall's time). Security Office staff and admins; each export is audited.",
  })
  enlistmentRegistrationsCsv(
    @Arg("seasonId", () => ID, { description: "The season." }) seasonId: string,
    @Arg("kind", () => EnlistmentKindValue, {
      nullable: true,
      description: "Only registrations of this kind.",
    })
    kind: EnlistmentKindValue | null,
    @Ctx() context: HallContext,
  ): Promise<string> {
    return enlistmentService(context.services).exportCsv(requireActor(context), seasonId, kind ?? null);
  }

  @FieldResolver(() => EnlistmentSeasonView, { description: "The season registered in." })
  season(@Root() registration: EnlistmentRegistrationEntity, @Ctx() context: HallContext) {
    return requestLoader<string, EnlistmentSeasonEntity>(context, "security.season", async (ids) => {
      const seasons = await enlistmentService(context.services).seasonsByIds(ids);
      return ids.map((id) => seasons.get(id) ?? new Error(`season ${id} is missing`));
    }).load(registration.seasonId);
  }
}
