import { IsOptional } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import {
  ForbiddenError,
  type HallContext,
  type Page,
  PageArgs,
  PageOf,
  requireActor,
  Role, keysetPage } from "../../../core";
import { DormitoryRequestEntity } from "../entities/dormitory-request.entity";
import { LOGISTICS_PERMISSIONS } from "../permissions";
import { logisticsServices } from "../services";
import { overseesLogistics } from "../services/logistics-staff";
import {
  ApproveDormitoryRequestInput,
  DormitoryRegistrationInput,
  DormitoryRequestKindValue,
  DormitoryRequestStatusValue,
  DormitoryRequestView,
  MoveOutInput,
  OffCampusStayInput,
  RoomChangeInput,
} from "./dormitory-request.types";

const DormitoryRequestPage = PageOf(DormitoryRequestView, "DormitoryRequest");

@ArgsType()
class DormitoryRequestsArgs extends PageArgs {
  @Field(() => DormitoryRequestStatusValue, { nullable: true, description: "Only requests in this state." })
  @IsOptional()
  status?: DormitoryRequestStatusValue;

  @Field(() => DormitoryRequestKindValue, { nullable: true, description: "Only requests of this kind." })
  @IsOptional()
  kind?: DormitoryRequestKindValue;
}

/** Every submission takes the student's form as its `input`. */
const FORM = { description: "The form, as the student fills it in." };
const REQUEST_ID = { description: "The request." };

@Resolver(() => DormitoryRequestView)
export class DormitoryRequestResolver {
  @Authorized(Role.STUDENT)
  @Mutation(() => DormitoryRequestView, {
    description: "Asks to register a room's stay for a period. One open registration per student.",
  })
  submitDormitoryRegistration(
    @Arg("input", FORM) input: DormitoryRegistrationInput,
    @Ctx() context: HallContext,
  ) {
    return this.dormitory(context).submit(requireActor(context), "REGISTRATION", input);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => DormitoryRequestView, {
    description: "Asks for another room. One open room change per student.",
  })
  submitRoomChange(@Arg("input", FORM) input: RoomChangeInput, @Ctx() context: HallContext) {
    return this.dormitory(context).submit(requireActor(context), "ROOM_CHANGE", input);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => DormitoryRequestView, {
    description:
      "Asks to move out. Once approved, staff complete it when the room is checked and the keys are back.",
  })
  submitMoveOut(@Arg("input", FORM) input: MoveOutInput, @Ctx() context: HallContext) {
    const { moveOutDate, ...rest } = input;
    const form = { ...rest, fromDate: moveOutDate };
    return this.dormitory(context).submit(requireActor(context), "MOVE_OUT", form);
  }

  @Authorized(Role.STUDENT)
  @Mutation(() => DormitoryRequestView, {
    description:
      "Asks for a short stay off campus, up to 30 days, with the return date. One open request per student.",
  })
  submitOffCampusStay(@Arg("input", FORM) input: OffCampusStayInput, @Ctx() context: HallContext) {
    return this.dormitory(context).submit(requireActor(context), "OFF_CAMPUS_STAY", input);
  }

  @Authorized(LOGISTICS_PERMISSIONS.decideDormitory)
  @Mutation(() => DormitoryRequestView, {
    description:
      "Approves a submitted request; a room change needs the room assigned. Logistics staff and admins.",
  })
  approveDormitoryRequest(
    @Arg("input", { description: "The request and the decision's details." })
    input: ApproveDormitoryRequestInput,
    @Ctx() context: HallContext,
  ) {
    const { id, note, assignedRoom } = input;
    return this.dormitory(context).approve(requireActor(context), id, note ?? null, assignedRoom ?? null);
  }

  @Authorized(LOGISTICS_PERMISSIONS.decideDormitory)
  @Mutation(() => DormitoryRequestView, {
    description: "Refuses a submitted request with the reason the student reads. Logistics staff and admins.",
  })
  refuseDormitoryRequest(
    @Arg("id", () => ID, REQUEST_ID) id: string,
    @Arg("reason", { description: "Why, 1 to 500 characters." }) reason: string,
    @Ctx() context: HallContext,
  ) {
    return this.dormitory(context).refuse(requireActor(context), id, reason);
  }

  @Authorized(LOGISTICS_PERMISSIONS.decideDormitory)
  @Mutation(() => DormitoryRequestView, {
    description:
      "Completes an approved move-out once the room is checked and the keys are back. A move-out not " +
      "approved is refused with CONFLICT. Logistics staff and admins.",
  })
  completeMoveOut(@Arg("id", () => ID, REQUEST_ID) id: string, @Ctx() context: HallContext) {
    return this.dormitory(context).completeMoveOut(requireActor(context), id);
  }

  @Authorized()
  @Query(() => DormitoryRequestView, {
    description: "A request: a student's own, or any for logistics staff; NOT_FOUND otherwise.",
  })
  dormitoryRequest(@Arg("id", () => ID, REQUEST_ID) id: string, @Ctx() context: HallContext) {
    return this.dormitory(context).visible(requireActor(context), id);
  }

  @Authorized(Role.STUDENT)
  @Query(() => DormitoryRequestPage, {
    description: "The signed-in student's dormitory requests, newest first.",
  })
  myDormitoryRequests(
    @Args() args: PageArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<DormitoryRequestEntity>> {
    const query = context.services.database.manager
      .createQueryBuilder(DormitoryRequestEntity, "d")
      .where("d.studentAccountId = :me", { me: requireActor(context).accountId });
    return keysetPage(query, "submittedAt", "DESC", args);
  }

  @Authorized(Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Query(() => DormitoryRequestPage, {
    description: "Dormitory requests, newest first. Logistics staff, supervisors and admins.",
  })
  dormitoryRequests(
    @Args() args: DormitoryRequestsArgs,
    @Ctx() context: HallContext,
  ): Promise<Page<DormitoryRequestEntity>> {
    if (!overseesLogistics(requireActor(context))) {
      throw new ForbiddenError("Dormitory requests are listed for logistics staff only.");
    }
    const query = context.services.database.manager
      .createQueryBuilder(DormitoryRequestEntity, "d")
      .where("1 = 1");
    if (args.status) query.andWhere("d.status = :status", { status: args.status });
    if (args.kind) query.andWhere("d.kind = :kind", { kind: args.kind });
    return keysetPage(query, "submittedAt", "DESC", args);
  }

  private dormitory(context: HallContext) {
    return logisticsServices(context.services).dormitory;
  }
}
