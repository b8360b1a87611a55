import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import { Not, type EntityManager } from "typeorm";
import {
  BadInputError,
  ConflictError,
  NotFoundError,
  UnauthenticatedError,
} from "../errors/hall-error";
import type { HallDatabase } from "../database/hall-database";
import { isUniqueViolation } from "../database/unique-violation";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import type { AuditService } from "../audit/audit.service";
import { AccountEntity } from "./account.entity";
import { LoginThrottle } from "./login-throttle";
import { type Actor, Role } from "./role";
import type { TokenKeeper } from "./token-keeper";

export interface AccountFields {
  account: string;
  password: string;
  role: Role;
  name: string;
  department?: string | null;
  badgeNo?: string | null;
  studentNo?: string | null;
}

export type AccountChanges = Partial<Omit<AccountFields, "account">> & { active?: boolean };

/**
 * Listeners told when an account stops being valid or its role or department changes, so
 * that open sockets, whose subscriptions keep the caller they were opened with, are closed.
 */
export type AccountRevokedListener = (accountId: string) => void;

const SIGN_IN_REFUSED = "The account or the password is wrong.";

/** The account's unique keys: field, index (MySQL names it), column (SQLite names it), message. */
type UniqueField = "account" | "badgeNo" | "studentNo";
const UNIQUE_KEYS: Array<[field: UniqueField, index: string, message: string]> = [
  ["account", "uq_account_account", "That account name is taken."],
  ["badgeNo", "uq_account_badge_no", "That badge number belongs to another account."],
  ["studentNo", "uq_account_student_no", "That student number belongs to another account."],
];

/** Accounts, sign-in and the caller behind a token. */
export class AccountService {
  private readonly throttle = new LoginThrottle();
  private readonly revokedListeners: AccountRevokedListener[] = [];
  /** Verified against when an account does not exist, so both refusals take as long. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly database: HallDatabase,
    private readonly tokens: TokenKeeper,
    private readonly departments: DepartmentRegistry,
    private readonly audit: AuditService,
    private readonly hashMemoryKib = 65536,
  ) {}

  async login(account: string, password: string): Promise<{ token: string; expiresAt: Date }> {
    this.throttle.assertMayTry(account);
    const found = await this.database.manager.findOneBy(AccountEntity, { account: account.trim() });
    const hash = found?.passwordHash ?? (await this.decoy());
    const matches = await argon2.verify(hash, password).catch(() => false);
    if (!found || !matches || !found.active) {
      this.throttle.recordFailure(account);
      throw new UnauthenticatedError(SIGN_IN_REFUSED);
    }
    this.throttle.recordSuccess(account);
    return this.tokens.issue(found.id);
  }

  /** The caller behind a token, checked against the database so deactivation bites at once. */
  async actorFromToken(token: string): Promise<{ actor: Actor; expiresAt: Date }> {
    const claims = await this.tokens.verify(token);
    const account = await this.database.manager.findOneBy(AccountEntity, { id: claims.accountId });
    if (!account || !account.active) throw new UnauthenticatedError("This account is not active.");
    return { actor: toActor(account), expiresAt: claims.expiresAt };
  }

  async byId(id: string): Promise<AccountEntity> {
    const account = await this.database.manager.findOneBy(AccountEntity, { id });
    if (!account) throw new NotFoundError("Account");
    return account;
  }

  async byBadgeNo(badgeNo: string): Promise<AccountEntity | null> {
    return this.database.manager.findOneBy(AccountEntity, { badgeNo });
  }

  async byStudentNo(studentNo: string): Promise<AccountEntity | null> {
    return this.database.manager.findOneBy(AccountEntity, { studentNo });
  }

  async create(actorId: string | null, fields: AccountFields): Promise<AccountEntity> {
    assertSensible(fields.name, fields.password);
    const values = this.checkRoleFields(fields.role, fields);
    const passwordHash = await hashPassword(fields.password, this.hashMemoryKib);
    return this.withUniqueKeys(() => this.database.transaction(async (tx) => {
      await this.assertUnique(tx, null, { account: fields.account.trim(), ...values });
      const created = tx.create(AccountEntity, {
        account: fields.account.trim(),
        passwordHash,
        role: fields.role,
        name: fields.name.trim(),
        ...values,
        active: true,
      });
      await tx.save(created);
      await this.audit.record(tx, {
        actorId,
        action: "account.create",
        subjectType: "Account",
        subjectId: created.id,
        details: { role: created.role, department: created.department },
      });
      return created;
    }));
  }

  async update(actorId: string, id: string, changes: AccountChanges): Promise<AccountEntity> {
    assertSensible(changes.name, changes.password);
    if (actorId === id && changes.active === false) {
      throw new BadInputError("active", "You cannot deactivate your own account.");
    }
    const passwordHash = changes.password ? await hashPassword(changes.password, this.hashMemoryKib) : undefined;
    let accessChanged = false;
    const updated = await this.withUniqueKeys(() => this.database.transaction(async (tx) => {
      const account = await tx.findOneBy(AccountEntity, { id });
      if (!account) throw new NotFoundError("Account");
      const role = changes.role ?? account.role;
      const values = this.checkRoleFields(role, {
        department: changes.department !== undefined ? changes.department : account.department,
        badgeNo: changes.badgeNo !== undefined ? changes.badgeNo : account.badgeNo,
        studentNo: changes.studentNo !== undefined ? changes.studentNo : account.studentNo,
      });
      await this.assertUnique(tx, id, values);
      accessChanged = account.role !== role || account.department !== values.department;
      Object.assign(account, values, { role });
      // GraphQL lets a client send null for an optional field: for these two it means "leave it".
      if (changes.name != null) account.name = changes.name.trim();
      if (changes.active != null) account.active = changes.active;
      if (passwordHash) account.passwordHash = passwordHash;
      await tx.save(account);
      await this.audit.record(tx, {
        actorId,
        action: "account.update",
        subjectType: "Account",
        subjectId: id,
        details: { fields: Object.keys(changes).filter((k) => k !== "password") },
      });
      return account;
    }));
    if (!updated.active || accessChanged) this.revoked(updated.id);
    return updated;
  }

  async deactivate(actorId: string, id: string): Promise<AccountEntity> {
    if (actorId === id) throw new BadInputError("id", "You cannot deactivate your own account.");
    return this.update(actorId, id, { active: false });
  }

  onRevoked(listener: AccountRevokedListener): void {
    this.revokedListeners.push(listener);
  }

  /**
   * Makes the first admin when the hall has none. Returns the password only when it was
   * generated here, so the caller can show it once.
   */
  async ensureFirstAdmin(configured: string | null): Promise<string | null> {
    const existing = await this.database.manager.findOneBy(AccountEntity, { account: "admin" });
    if (existing) return null;
    const password = configured ?? randomBytes(12).toString("base64url");
    await this.create(null, { account: "admin", password, role: Role.ADMIN, name: "Administrator" });
    return configured ? null : password;
  }

  private revoked(accountId: string): void {
    for (const listener of this.revokedListeners) listener(accountId);
  }

  /** Each role carries its own identifier; the others are cleared. */
  private checkRoleFields(
    role: Role,
    fields: Pick<AccountFields, "department" | "badgeNo" | "studentNo">,
  ): { department: string | null; badgeNo: string | null; studentNo: string | null } {
    const department = fields.department?.trim() || null;
    const badgeNo = fields.badgeNo?.trim() || null;
    const studentNo = fields.studentNo?.trim() || null;
    if (role === Role.STUDENT && !studentNo) {
      throw new BadInputError("studentNo", "A student account needs a student number.");
    }
    if (role === Role.VOLUNTEER && !badgeNo) {
      throw new BadInputError("badgeNo", "A volunteer account needs a badge number.");
    }
    if (role === Role.STAFF && !department) {
      throw new BadInputError("department", "A staff account needs a department.");
    }
    if (department && !this.departments.has(department)) {
      throw new BadInputError("department", `There is no department "${department}".`);
    }
    return {
      department: role === Role.STAFF || role === Role.VOLUNTEER ? department : null,
      badgeNo: role === Role.VOLUNTEER ? badgeNo : null,
      // A volunteer is a student too, and keeps a student number when one is given.
      studentNo: role === Role.STUDENT || role === Role.VOLUNTEER ? studentNo : null,
    };
  }

  private async assertUnique(
    tx: EntityManager,
    exceptId: string | null,
    values: { account?: string; badgeNo: string | null; studentNo: string | null },
  ): Promise<void> {
    const others = exceptId ? { id: Not(exceptId) } : {};
    for (const [field, , message] of UNIQUE_KEYS) {
      const value = values[field];
      if (!value) continue;
      const clash = await tx.findOne(AccountEntity, {
        where: { [field]: value, ...others },
        select: { id: true },
      });
      if (clash) throw new ConflictError(message, field);
    }
  }

  /**
   * Two requests can both pass assertUnique before either commits (MySQL runs them side by
   * side); the unique index then refuses the second, and it gets the same CONFLICT.
   */
  private async withUniqueKeys<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const key = UNIQUE_KEYS.find(([field, index]) =>
        isUniqueViolation(error, index, `account.${field}`),
      );
      if (key) throw new ConflictError(key[2], key[0]);
      throw error;
    }
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(randomBytes(16).toString("hex"), this.hashMemoryKib);
    return this.decoyHash;
  }
}

export function hashPassword(password: string, memoryCost = 65536): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost });
}

export function toActor(account: AccountEntity): Actor {
  return {
    accountId: account.id,
    account: account.account,
    role: account.role,
    name: account.name,
    department: account.department,
    badgeNo: account.badgeNo,
    studentNo: account.studentNo,
  };
}

/** Passwords of blanks and names of blanks pass a length check but help nobody. */
function assertSensible(name: string | null | undefined, password: string | null | undefined): void {
  if (name !== undefined && name !== null && !name.trim()) {
    throw new BadInputError("name", "A name needs at least one character that is not a space.");
  }
  if (password !== undefined && password !== null && password.trim().length < 8) {
    throw new BadInputError("password", "A password needs at least 8 characters that are not spaces.");
  }
}
