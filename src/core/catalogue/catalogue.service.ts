import { createHash } from "node:crypto";
import { type EntityManager, In } from "typeorm";
import { BadInputError, ConflictError, NotFoundError } from "../errors/hall-error";
import { OpeningHoursFormatError, parseOpeningHours } from "../calendar/opening-hours";
import type { HallDatabase } from "../database/hall-database";
import { isUniqueViolation } from "../database/unique-violation";
import type { AuditService } from "../audit/audit.service";
import type { Logger } from "../logger";
import type { HallPlugin, ServiceDefinition } from "../plugin/hall-plugin";
import type { DepartmentRegistry } from "./department-registry";
import { DepartmentEntity } from "./department.entity";
import { ServiceItemEntity } from "./service-item.entity";
import type { CreateServiceInput, ServiceFieldsInput } from "./catalogue.types";

export interface ServiceQuery {
  department?: string;
  search?: string;
  includeRetired?: boolean;
  first: number;
  after?: string;
}

/** The catalogue: what each loaded department offers, seeded from its plugin. */
export class CatalogueService {
  constructor(
    private readonly database: HallDatabase,
    private readonly departments: DepartmentRegistry,
    private readonly audit: AuditService,
  ) {}

  /** Services of loaded departments only, ordered by department then code. */
  async list(query: ServiceQuery): Promise<ServiceItemEntity[]> {
    const codes = query.department ? [query.department] : this.departments.codes();
    if (codes.length === 0 || !codes.every((code) => this.departments.has(code))) return [];
    const qb = this.database.manager
      .createQueryBuilder(ServiceItemEntity, "s")
      .where("s.departmentCode IN (:...codes)", { codes })
      .orderBy("s.departmentCode", "ASC")
      .addOrderBy("s.code", "ASC")
      .take(query.first);
    if (!query.includeRetired) qb.andWhere("s.retiredAt IS NULL");
    if (query.after) {
      // Pages are ordered by department, then code: the cursor is the pair, or a page that
      // ends in one department would skip the early codes of every department after it.
      const last = await this.database.manager.findOneBy(ServiceItemEntity, { code: query.after });
      if (!last) throw new BadInputError("after", `No service "${query.after}" to go on from.`);
      qb.andWhere(
        "(s.departmentCode > :lastDept OR (s.departmentCode = :lastDept AND s.code > :after))",
        { lastDept: last.departmentCode, after: query.after },
      );
    }
    const search = query.search?.trim();
    if (search) {
      // "!" escapes, not a backslash: MySQL reads '\' in SQL text as an unclosed string and
      // SQLite as one backslash, while "!" means the same to both.
      const like = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const matches = ["s.name", "s.nameEn", "s.code"].map((c) => `${c} LIKE :like ESCAPE '!'`);
      qb.andWhere(`(${matches.join(" OR ")})`, { like });
    }
    return qb.getMany();
  }

  /** A service by code, or null when absent or its department is not loaded. */
  async find(code: string, manager: EntityManager = this.database.manager) {
    const item = await manager.findOneBy(ServiceItemEntity, { code });
    return item && this.departments.has(item.departmentCode) ? item : null;
  }

  /** A service students can use now: present, loaded and not retired. */
  async getActive(code: string, manager?: EntityManager): Promise<ServiceItemEntity> {
    const item = await this.find(code, manager);
    if (!item || item.retiredAt) throw new NotFoundError(`Service "${code}"`);
    return item;
  }

  async create(actorId: string, input: CreateServiceInput): Promise<ServiceItemEntity> {
    if (!this.departments.has(input.department)) {
      throw new BadInputError("department", `There is no department "${input.department}".`);
    }
    const fields = checkFields({ mode: undefined, promisedWorkingDays: null }, input);
    if (!input.name || !input.nameEn) {
      throw new BadInputError(input.name ? "nameEn" : "name", "A new service needs a name in both languages.");
    }
    return this.database.transaction(async (tx) => {
      if (await tx.findOneBy(ServiceItemEntity, { code: input.code })) {
        throw new ConflictError(`A service with code "${input.code}" exists already.`, "code");
      }
      const item = tx.create(ServiceItemEntity, {
        code: input.code,
        departmentCode: input.department,
        description: null,
        condition: null,
        feeFen: 0,
        materials: [],
        steps: [],
        variants: [],
        hours: null,
        retiredAt: null,
        ...fields,
        editedByStaff: true,
        seedHash: null,
      });
      await tx.save(item);
      await this.audit.record(tx, auditLine(actorId, "service.create", item));
      return item;
    }).catch((error) => {
      // Two admins adding one code at once: the unique key decides, and the loser is told so.
      if (isUniqueViolation(error, "uq_service_item_code", "service_item.code")) {
        throw new ConflictError(`A service with code "${input.code}" exists already.`, "code");
      }
      throw error;
    });
  }

  async update(actorId: string, item: ServiceItemEntity, input: ServiceFieldsInput) {
    const fields = checkFields(item, input);
    return this.database.transaction(async (tx) => {
      Object.assign(item, fields, { editedByStaff: true });
      await tx.save(item);
      await this.audit.record(tx, auditLine(actorId, "service.update", item, Object.keys(fields)));
      return item;
    });
  }

  async retire(actorId: string, item: ServiceItemEntity): Promise<ServiceItemEntity> {
    if (item.retiredAt) throw new ConflictError(`Service "${item.code}" is retired already.`);
    return this.database.transaction(async (tx) => {
      item.retiredAt = new Date();
      item.editedByStaff = true;
      await tx.save(item);
      await this.audit.record(tx, auditLine(actorId, "service.retire", item));
      return item;
    });
  }

  /**
   * Seeds departments and catalogue entries of the loaded plugins, in one transaction.
   * New items are added; an item the code changed is updated unless staff edited it, in
   * which case the staff's version stands. Run twice, it changes nothing.
   */
  async seed(plugins: HallPlugin[], logger: Logger): Promise<void> {
    const counts = await this.database.transaction(async (tx) => {
      let added = 0;
      let updated = 0;
      for (const plugin of plugins) {
        await seedDepartment(tx, plugin);
        const existing = await tx.find(ServiceItemEntity, {
          where: { code: In((plugin.catalogue ?? []).map((s) => s.code).concat("")) },
        });
        const byCode = new Map(existing.map((item) => [item.code, item]));
        for (const definition of plugin.catalogue ?? []) {
          const hash = fingerprint(definition);
          const item = byCode.get(definition.code);
          if (!item) {
            await tx.insert(ServiceItemEntity, fromDefinition(plugin.department.code, definition, hash));
            added++;
          } else if (!item.editedByStaff && item.seedHash !== hash) {
            await tx.update(ServiceItemEntity, { id: item.id }, fromDefinition(item.departmentCode, definition, hash));
            updated++;
          }
        }
      }
      return { added, updated };
    });
    logger.info(counts, "catalogue seeded");
  }
}

async function seedDepartment(tx: EntityManager, plugin: HallPlugin): Promise<void> {
  const { code, name, nameEn, ticketPrefix } = plugin.department;
  const existing = await tx.findOneBy(DepartmentEntity, { code });
  if (!existing) {
    await tx.insert(DepartmentEntity, { code, name, nameEn, ticketPrefix });
  } else if (existing.name !== name || existing.nameEn !== nameEn || existing.ticketPrefix !== ticketPrefix) {
    await tx.update(DepartmentEntity, { code }, { name, nameEn, ticketPrefix });
  }
}

function fromDefinition(departmentCode: string, d: ServiceDefinition, seedHash: string) {
  return {
    code: d.code,
    departmentCode,
    name: d.name,
    nameEn: d.nameEn,
    description: d.description ?? null,
    condition: d.condition ?? null,
    feeFen: d.feeFen,
    mode: d.mode,
    promisedWorkingDays: d.mode === "PROMISED" ? (d.promisedWorkingDays ?? null) : null,
    materials: d.materials,
    steps: d.steps,
    variants: (d.variants ?? []).map((v) => ({ ...v, steps: v.steps ?? [] })),
    hours: d.hours ?? null,
    seedHash,
  };
}

function fingerprint(definition: ServiceDefinition): string {
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex");
}

/** Validates the rules no single field can: mode and promised days go together; hours parse. */
function checkFields(
  current: Pick<ServiceItemEntity, "mode" | "promisedWorkingDays"> | { mode: undefined; promisedWorkingDays: null },
  input: ServiceFieldsInput,
): Partial<ServiceItemEntity> {
  const mode = input.mode ?? current.mode;
  if (!mode) throw new BadInputError("mode", "Say whether the service is ON_THE_SPOT or PROMISED.");
  const days =
    input.promisedWorkingDays !== undefined ? input.promisedWorkingDays : mode === "PROMISED" ? current.promisedWorkingDays : null;
  if (mode === "PROMISED" && !days) {
    throw new BadInputError("promisedWorkingDays", "A PROMISED service needs its number of working days.");
  }
  if (mode === "ON_THE_SPOT" && days) {
    throw new BadInputError("promisedWorkingDays", "Promised days are only for PROMISED services.");
  }
  if (input.hours) {
    try {
      parseOpeningHours(input.hours);
    } catch (error) {
      if (error instanceof OpeningHoursFormatError) throw new BadInputError("hours", error.message);
      throw error;
    }
  }
  const fields: Partial<ServiceItemEntity> = { mode, promisedWorkingDays: days ?? null };
  for (const key of ["name", "nameEn", "description", "condition", "feeFen", "materials", "steps", "hours"] as const) {
    if (input[key] !== undefined) (fields as Record<string, unknown>)[key] = input[key];
  }
  if (input.variants !== undefined) {
    fields.variants = input.variants.map((v) => ({ ...v, steps: v.steps ?? [] }));
  }
  return fields;
}

function auditLine(actorId: string, action: string, item: ServiceItemEntity, fields?: string[]) {
  return {
    actorId,
    action,
    subjectType: "ServiceItem",
    subjectId: item.id,
    details: { code: item.code, department: item.departmentCode, ...(fields ? { fields } : {}) },
  };
}
