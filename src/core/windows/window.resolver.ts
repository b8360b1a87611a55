import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Public, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import type { HallContext } from "../server/hall-context";
import { CreateWindowInput, UpdateWindowInput, WindowView } from "../queue/queue.types";

@Resolver(() => WindowView)
export class WindowResolver {
  @Public()
  @Query(() => [WindowView], { description: "The hall's windows, with the badge on duty at each." })
  windows(
    @Arg("department", () => String, { nullable: true }) department: string | null,
    @Ctx() { services }: HallContext,
  ) {
    return services.windows.list(department ?? undefined);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WindowView, { description: "Opens a new window. Admins only." })
  createWindow(@Arg("input") input: CreateWindowInput, @Ctx() context: HallContext) {
    return context.services.windows.create(requireActor(context), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WindowView, { description: "Changes a window's services, hours or opening. Admins only." })
  updateWindow(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateWindowInput,
    @Ctx() context: HallContext,
  ) {
    return context.services.windows.update(requireActor(context), id, input);
  }

  @Authorized(Role.VOLUNTEER, Role.STAFF)
  @Mutation(() => WindowView, { description: "Goes on duty at a window; one person per window." })
  signOnWindow(@Arg("windowId", () => ID) windowId: string, @Ctx() context: HallContext) {
    return context.services.windows.signOn(requireActor(context), windowId);
  }

  @Authorized(Role.VOLUNTEER, Role.STAFF, Role.SUPERVISOR, Role.ADMIN)
  @Mutation(() => WindowView, {
    description: "Goes off duty. Supervisors and admins may sign anyone off.",
  })
  signOffWindow(@Arg("windowId", () => ID) windowId: string, @Ctx() context: HallContext) {
    return context.services.windows.signOff(requireActor(context), windowId);
  }
}
