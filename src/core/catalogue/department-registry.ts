import { NotFoundError } from "../errors/hall-error";
import type { DepartmentDefinition } from "../plugin/hall-plugin";

/** The departments of the loaded plugins; a department whose plugin is not loaded is absent. */
export class DepartmentRegistry {
  private readonly byCode: Map<string, DepartmentDefinition>;

  constructor(departments: DepartmentDefinition[]) {
    this.byCode = new Map(departments.map((d) => [d.code, d]));
  }

  all(): DepartmentDefinition[] {
    return [...this.byCode.values()];
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  find(code: string): DepartmentDefinition | undefined {
    return this.byCode.get(code);
  }

  get(code: string): DepartmentDefinition {
    const department = this.byCode.get(code);
    if (!department) throw new NotFoundError(`Department "${code}"`);
    return department;
  }

  codes(): string[] {
    return [...this.byCode.keys()];
  }
}
