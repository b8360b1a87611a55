import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Public, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { type Page, PageOf } from "../common/pagination";
import type { HallContext } from "../server/hall-context";
import type { AnnouncementEntity } from "./announcement.entity";
import {
  Announcement,
  AnnouncementsArgs,
  CreateAnnouncementInput,
  ManagedAnnouncementsArgs,
  UpdateAnnouncementInput,
} from "./announcement.types";

const AnnouncementPage = PageOf(Announcement, "Announcement");
const EDITORS = [Role.STAFF, Role.ADMIN];

@Resolver(() => Announcement)
export class AnnouncementResolver {
  @Public()
  @Query(() => AnnouncementPage, {
    description: "The notices in force at a moment (now by default), by order and then newest first.",
  })
  announcements(@Args() args: AnnouncementsArgs, @Ctx() context: HallContext): Promise<Page<AnnouncementEntity>> {
    return context.services.announcements.board(args);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => AnnouncementPage, {
    description: "Notices an editor looks after, scheduled, expired and withdrawn ones too, newest first.",
  })
  managedAnnouncements(
    @Args() args: ManagedAnnouncementsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<AnnouncementEntity>> {
    return context.services.announcements.managed(requireActor(context), args.department ?? null, args.first, args.after);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Announcement, {
    description: "Publishes a notice: staff for their department, admins for any department or the whole hall.",
  })
  createAnnouncement(@Arg("input") input: CreateAnnouncementInput, @Ctx() context: HallContext) {
    return context.services.announcements.create(requireActor(context), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Announcement, { description: "Changes a notice that stands; a withdrawn one is refused." })
  updateAnnouncement(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateAnnouncementInput,
    @Ctx() context: HallContext,
  ) {
    return context.services.announcements.update(requireActor(context), id, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Announcement, { description: "Takes a notice off the boards; it stays on record." })
  withdrawAnnouncement(@Arg("id", () => ID) id: string, @Ctx() context: HallContext) {
    return context.services.announcements.withdraw(requireActor(context), id);
  }

  @FieldResolver(() => Int, { description: "Lower shows first; notices of one order show newest first." })
  order(@Root() item: AnnouncementEntity): number {
    return item.sortOrder;
  }
}
