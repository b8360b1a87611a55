import { IsOptional, Max, Min } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { assertActsForDepartment, Public, requireActor } from "../auth/access";
import { Role } from "../auth/role";
import { NotFoundError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import {
  CreateServiceInput,
  Department,
  ServiceFieldsInput,
  ServiceItemView,
} from "./catalogue.types";
import type { ServiceItemEntity } from "./service-item.entity";

@ArgsType()
class ServicesArgs {
  @Field(() => String, { nullable: true, description: "Only this department's services." })
  @IsOptional()
  department?: string;

  @Field(() => String, { nullable: true, description: "Words in the name (Chinese or English) or code." })
  @IsOptional()
  search?: string;

  @Field(() => Boolean, { nullable: true, description: "Include retired items (staff and admins)." })
  @IsOptional()
  includeRetired?: boolean;

  @Field(() => Int, { nullable: true, description: "How many: 1 to 200, 100 by default." })
  @IsOptional()
  @Min(1)
  @Max(200)
  first?: number;

  @Field(() => String, { nullable: true, description: "The code of the last item of the previous page." })
  @IsOptional()
  after?: string;
}

const EDITORS = [Role.STAFF, Role.ADMIN];

@Resolver(() => ServiceItemView)
export class CatalogueResolver {
  @Public()
  @Query(() => [Department], { description: "The resident departments of the hall." })
  departments(@Ctx() { services }: HallContext): Department[] {
    return services.departments.all();
  }

  @Public()
  @Query(() => [ServiceItemView], {
    description: "The catalogue, by department and code. Pages through `first` and `after`.",
  })
  services(@Args() args: ServicesArgs, @Ctx() context: HallContext): Promise<ServiceItemEntity[]> {
    const maySeeRetired = context.actor && context.actor.role !== Role.STUDENT;
    return context.services.catalogue.list({
      department: args.department,
      search: args.search,
      includeRetired: Boolean(args.includeRetired && maySeeRetired),
      first: args.first ?? 100,
      after: args.after,
    });
  }

  @Public()
  @Query(() => ServiceItemView, { nullable: true, description: "One service by code; null when absent." })
  async service(@Arg("code") code: string, @Ctx() { services }: HallContext) {
    const item = await services.catalogue.find(code);
    return item && !item.retiredAt ? item : null;
  }

  @FieldResolver(() => Department, { description: "The department that owns the service." })
  department(@Root() item: ServiceItemEntity, @Ctx() { services }: HallContext): Department {
    return services.departments.get(item.departmentCode);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceItemView, { description: "Adds a catalogue item. Staff of its department, or admins." })
  createService(@Arg("input") input: CreateServiceInput, @Ctx() context: HallContext) {
    const actor = requireActor(context);
    if (context.services.departments.has(input.department)) {
      assertActsForDepartment(actor, input.department);
    }
    return context.services.catalogue.create(actor.accountId, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceItemView, { description: "Changes a catalogue item; seeding never undoes it." })
  async updateService(
    @Arg("code") code: string,
    @Arg("input") input: ServiceFieldsInput,
    @Ctx() context: HallContext,
  ) {
    const actor = requireActor(context);
    const item = await this.editable(code, context);
    assertActsForDepartment(actor, item.departmentCode);
    return context.services.catalogue.update(actor.accountId, item, input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => ServiceItemView, { description: "Retires a catalogue item: no new tickets for it." })
  async retireService(@Arg("code") code: string, @Ctx() context: HallContext) {
    const actor = requireActor(context);
    const item = await this.editable(code, context);
    assertActsForDepartment(actor, item.departmentCode);
    return context.services.catalogue.retire(actor.accountId, item);
  }

  private async editable(code: string, { services }: HallContext): Promise<ServiceItemEntity> {
    const item = await services.catalogue.find(code);
    if (!item) throw new NotFoundError(`Service "${code}"`);
    return item;
  }
}
