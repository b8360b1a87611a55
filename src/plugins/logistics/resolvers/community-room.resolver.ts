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
  type HallContext,
  type Page,
  PageArgs,
  PageOf,
  requestLoader,
  requireActor,
  Role,
  assertLocalDate,
  ForbiddenError, keysetPage } from "../../../core";
import { CommunityRoomEntity } from "../entities/community-room.entity";
import { RoomBookingEntity } from "../entities/room-booking.entity";
import { LOGISTICS_PERMISSIONS } from "../permissions";
import { logisticsServices } from "../services";
import { overseesLogistics } from "../services/logistics-staff";
import { formatMinute } from "../services/slot-grid";
import {
  BookCommunityRoomInput,
  CommunityRoomView,
  CreateCommunityRoomInput,
  RoomAvailabilityView,
  RoomBookingStatusValue,
  RoomBookingView,
  UpdateCommunityRoomInput,
} from "./community-room.types";

const CommunityRoomPage = PageOf(CommunityRoomView, "CommunityRoom");
const RoomBookingPage = PageOf(RoomBookingView, "RoomBooking");

@ArgsType()
class CommunityRoomsArgs extends PageArgs {
  @Field({ defaultValue: false, description: "Also list rooms taken out of use." })
  includeInactive!: boolean;
}

@ArgsType()
class MyRoomBookingsArgs extends PageArgs {
  @Field({ defaultValue: false, description: "Also list cancelled bookings." })
  includeCancelled!: boolean;
}

@ArgsType()
class RoomBookingsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only this room's bookings." })
  @IsOptional()
  roomId?: string;

  @Field(() => String, { nullable: true, description: "Only this day, YYYY-MM-DD." })
  @IsOptional()
  date?: string;

  @Field(() => RoomBookingStatusValue, { nullable: true, description: "Only bookings in this state." })
  @IsOptional()
  status?: RoomBookingStatusValue;
}

@Resolver(() => CommunityRoomView)
export class CommunityRoomResolver {
  @Authorized()
  @Query(() => CommunityRoomPage, { description: "The community's activity rooms, by name." })
  communityRooms(
    @Args() args: CommunityRoomsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<CommunityRoomEntity>> {
    const query = context.services.database.manager
      .createQueryBuilder(CommunityRoomEntity, "r")
      .where("1 = 1");
    if (!args.includeInactive) query.andWhere("r.active = :active", { active: true });
    return keysetPage(query, "name", "ASC", args);
  }

  @Authorized()
  @Query(() => RoomAvailabilityView, {
    description:
      "A room's half hours on a day inside its bookable hours, each free or taken. Who booked is not shown.",
  })
  roomAvailability(
    @Arg("roomId", () => ID, { description: "The room." }) roomId: string,
    @Arg("date", { description: "The day, YYYY-MM-DD in the hall's time zone." }) date: string,
    @Ctx() context: HallContext,
  ) {
    return logisticsServices(context.services).rooms.availability(roomId, date);
  }

  @Authorized(LOGISTICS_PERMISSIONS.manageRooms)
  @Mutation(() => CommunityRoomView, {
    description: "Adds an activity room. Logistics staff and admins.",
  })
  createCommunityRoom(
    @Arg("input", { description: "The new room." }) input: CreateCommunityRoomInput,
    @Ctx() context: HallContext,
  ) {
    return logisticsServices(context.services).rooms.createRoom(requireActor(context), input);
  }

  @Authorized(LOGISTICS_PERMISSIONS.manageRooms)
  @Mutation(() => CommunityRoomView, {
    description:
      "Renames a room, changes its capacity, or takes it out of use. Logistics staff and admins.",
  })
  updateCommunityRoom(
    @Arg("id", () => ID, { description: "The room." }) id: string,
    @Arg("input", { description: "What changes." }) input: UpdateCommunityRoomInput,
    @Ctx() context: HallContext,
  ) {
    return logisticsServices(context.services).rooms.updateRoom(requireActor(context), id, input);
  }
}

@Resolver(() => RoomBookingView)
export class RoomBookingResolver {
  @Authorized(Role.STUDENT, Role.STAFF, Role.ADMIN)
  @Mutation(() => RoomBookingView, {
    description:
      "Books a room for whole half hours inside the day's hours, not in the past. A half hour already held " +
      "is refused with CONFLICT, also when two bookings race. Students book for themselves; logistics staff " +
      "at the window name the student.",
  })
  bookCommunityRoom(
    @Arg("input", { description: "Room, day and half hours." }) input: BookCommunityRoomInput,
    @Ctx() context: HallContext,
  ) {
    return logisticsServices(context.services).rooms.book(requireActor(context), input);
  }

  @Authorized(Role.STUDENT, Role.STAFF, Role.ADMIN)
  @Mutation(() => RoomBookingView, {
    description:
      "Cancels a booking that has not begun, freeing its half hours. Its student, or logistics staff.",
  })
  cancelRoomBooking(
    @Arg("id", () => ID, { description: "The booking." }) id: string,
    @Arg("reason", () => String, { nullable: true, description: "Why, up to 200 characters." })
    reason: string | null,
    @Ctx() context: HallContext,
  ) {
    return logisticsServices(context.services).rooms.cancel(requireActor(context), id, reason);
  }

  @Authorized(Role.STUDENT)
  @Query(() => RoomBookingPage, {
    description: "The signed-in student's room bookings, latest start first.",
  })
  myRoomBookings(
    @Args() args: MyRoomBookingsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<RoomBookingEntity>> {
    const actor = requireActor(context);
    const query = context.services.database.manager
      .createQueryBuilder(RoomBookingEntity, "b")
      .where("b.studentAccountId = :me", { me: actor.accountId });
    if (!args.includeCancelled) query.andWhere("b.status = 'BOOKED'");
    return keysetPage(query, "startsAt", "DESC", args);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => RoomBookingPage, {
    description:
      "Bookings of the community rooms, earliest start first. Logistics staff, supervisors, admins.",
  })
  roomBookings(
    @Args() args: RoomBookingsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<RoomBookingEntity>> {
    if (!overseesLogistics(requireActor(context))) {
      throw new ForbiddenError("Room bookings are listed for logistics staff only.");
    }
    if (args.date) assertLocalDate(args.date);
    const query = context.services.database.manager
      .createQueryBuilder(RoomBookingEntity, "b")
      .where("1 = 1");
    if (args.roomId) query.andWhere("b.roomId = :room", { room: args.roomId });
    if (args.date) query.andWhere("b.date = :date", { date: args.date });
    if (args.status) query.andWhere("b.status = :status", { status: args.status });
    return keysetPage(query, "startsAt", "ASC", args);
  }

  @FieldResolver(() => CommunityRoomView, { description: "The room booked." })
  room(
    @Root() booking: RoomBookingEntity,
    @Ctx() context: HallContext,
  ): Promise<CommunityRoomEntity> {
    return requestLoader<string, CommunityRoomEntity>(context, "logistics.room", async (ids) => {
      const rooms = await logisticsServices(context.services).rooms.roomsByIds(ids);
      return ids.map((id) => rooms.get(id) ?? new Error(`room ${id} is missing`));
    }).load(booking.roomId);
  }

  @FieldResolver(() => String, { description: "Start, HH:MM local time, on the half hour." })
  startTime(@Root() booking: RoomBookingEntity): string {
    return formatMinute(booking.startMinute);
  }

  @FieldResolver(() => String, { description: "End, HH:MM local time, on the half hour." })
  endTime(@Root() booking: RoomBookingEntity): string {
    return formatMinute(booking.endMinute);
  }
}
