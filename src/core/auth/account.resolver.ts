import { IsOptional } from "class-validator";
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { PageArgs, PageOf, decodeCursor, pageSize, toPage, type Page } from "../common/pagination";
import { sqlTime } from "../database/time";
import type { HallContext } from "../server/hall-context";
import { Public, requireActor } from "./access";
import { AccountEntity } from "./account.entity";
import { AccountView, CreateAccountInput, Session, UpdateAccountInput } from "./account.types";
import { Role } from "./role";

const AccountPage = PageOf(AccountView, "Account");

@ArgsType()
class AccountsArgs extends PageArgs {
  @Field(() => Role, { nullable: true, description: "Only accounts of this role." })
  @IsOptional()
  role?: Role;

  @Field(() => String, { nullable: true, description: "Only accounts of this department." })
  @IsOptional()
  department?: string;
}

@Resolver()
export class AccountResolver {
  @Public()
  @Mutation(() => Session, { description: "Signs in. The reply never says which of the two was wrong." })
  login(
    @Arg("account") account: string,
    @Arg("password") password: string,
    @Ctx() { services }: HallContext,
  ): Promise<Session> {
    return services.accounts.login(account, password);
  }

  @Authorized()
  @Query(() => AccountView, { description: "The signed-in account." })
  me(@Ctx() context: HallContext): Promise<AccountView> {
    return context.services.accounts.byId(requireActor(context).accountId);
  }

  @Authorized(Role.ADMIN)
  @Query(() => AccountPage, { description: "Accounts, oldest first. Admins only." })
  async accounts(@Args() args: AccountsArgs, @Ctx() { services }: HallContext): Promise<Page<AccountEntity>> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const query = services.database.manager
      .createQueryBuilder(AccountEntity, "a")
      .orderBy("a.createdAt", "ASC")
      .addOrderBy("a.id", "ASC")
      .take(size + 1);
    if (args.role) query.andWhere("a.role = :role", { role: args.role });
    if (args.department) query.andWhere("a.department = :department", { department: args.department });
    if (after) {
      // Compared with the cursor row's own stored time rather than the one in the cursor:
      // SQLite fills createdAt to the second, and "12:00:00" never equals "12:00:00.000", so
      // rows of the cursor's second were skipped.
      const cursorTime = query
        .subQuery()
        .select("c.createdAt")
        .from(AccountEntity, "c")
        .where("c.id = :id")
        .getQuery();
      query.andWhere(
        `(a.createdAt > ${cursorTime} OR (a.createdAt = ${cursorTime} AND a.id > :id))`,
        { id: after.id },
      );
    }
    const rows = await query.getMany();
    return toPage(rows, size, (a) => ({ key: sqlTime(a.createdAt), id: a.id }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AccountView, { description: "Makes an account. Admins only." })
  createAccount(@Arg("input") input: CreateAccountInput, @Ctx() context: HallContext) {
    return context.services.accounts.create(requireActor(context).accountId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AccountView, { description: "Changes an account. Admins only." })
  updateAccount(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: UpdateAccountInput,
    @Ctx() context: HallContext,
  ) {
    return context.services.accounts.update(requireActor(context).accountId, id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AccountView, { description: "Deactivates an account: its tokens stop at once." })
  deactivateAccount(@Arg("id", () => ID) id: string, @Ctx() context: HallContext) {
    return context.services.accounts.deactivate(requireActor(context).accountId, id);
  }
}
