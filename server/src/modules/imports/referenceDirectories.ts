import { zh } from '@liucai/shared';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { Customer, Department } from '../../entities';

type Found<T> = { ok: true; value: T } | { ok: false; message: string };

/** A key as compared: full-width folded, spaces collapsed. */
const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');

interface DeptEntry {
  name: string;
  path: string;
}

/**
 * The corp's active departments, by name or by path ("销售中心/一组"), loaded once per import. A name several
 * departments share is an error listing their paths, never a guess.
 */
export class DepartmentDirectory {
  private readonly byName = new Map<string, DeptEntry[]>();
  private readonly byPath = new Map<string, DeptEntry>();
  /** Top-level department names (under the root), for messages and template examples. */
  readonly topLevel: string[];

  constructor(depts: { deptId: number; parentId: number | null; name: string; sortOrder?: number }[]) {
    const byId = new Map(depts.map((d) => [d.deptId, d]));
    const pathOf = (id: number): string => {
      const parts: string[] = [];
      for (let d = byId.get(id), guard = 0; d && d.parentId !== null && guard < 64; d = byId.get(d.parentId), guard++) parts.unshift(d.name);
      return parts.join('/');
    };
    const top: { name: string; order: number; id: number }[] = [];
    for (const d of depts) {
      if (d.parentId === null) continue; // the root is the company itself
      const entry = { name: d.name, path: pathOf(d.deptId) };
      const list = this.byName.get(norm(d.name)) ?? [];
      list.push(entry);
      this.byName.set(norm(d.name), list);
      this.byPath.set(norm(entry.path), entry);
      const parent = byId.get(d.parentId);
      if (parent && parent.parentId === null) top.push({ name: d.name, order: d.sortOrder ?? 0, id: d.deptId });
    }
    this.topLevel = top.sort((a, b) => a.order - b.order || a.id - b.id).map((t) => t.name);
  }

  static async load(ds: DataSource, corpId: string): Promise<DepartmentDirectory> {
    const rows = await ds
      .getRepository(Department)
      .find({ where: { corpId, active: true }, select: { deptId: true, parentId: true, name: true, sortOrder: true } });
    return new DepartmentDirectory(
      rows.map((r) => ({ deptId: Number(r.deptId), parentId: r.parentId === null ? null : Number(r.parentId), name: r.name, sortOrder: r.sortOrder })),
    );
  }

  /** True when `name` names exactly one department. */
  isUnique(name: string): boolean {
    return this.byName.get(norm(name))?.length === 1;
  }

  /** The department a cell names: its name when unique, or a path for one whose name repeats. */
  find(text: string): Found<string> {
    const key = norm(text).replace(/\s*[/／]\s*/g, '/');
    const list = this.byName.get(key);
    if (list?.length === 1) return { ok: true, value: list[0]!.name };
    if (list && list.length > 1)
      return {
        ok: false,
        message: `部门名“${key}”对应 ${list.length} 个部门：${list.map((d) => d.path).join('、')}；请填写完整路径，如“${list[0]!.path}”`,
      };
    const byPath = this.byPath.get(key);
    if (byPath) return { ok: true, value: byPath.name };
    const some = this.topLevel.slice(0, 5).join('、');
    return { ok: false, message: zh`找不到部门“${key}”：应为通讯录中现有的部门${some ? `，如 ${some}` : ''}` };
  }
}

/** A customer as a row may name it: its name and the CRM owners of the customers with that name. */
export interface CustomerRef {
  name: string;
  ownerUserids: (string | null)[];
}

/**
 * The corp's customers (enterprise and personal, not removed from DingTalk), by exact name, loaded once per import
 * for the kinds that name customers: one query, names and owners only.
 */
export class CustomerDirectory {
  private readonly byName = new Map<string, CustomerRef>();

  constructor(rows: { name: string; ownerUserid: string | null }[]) {
    for (const r of rows) {
      const key = norm(r.name);
      const ref = this.byName.get(key) ?? { name: r.name, ownerUserids: [] };
      ref.ownerUserids.push(r.ownerUserid);
      this.byName.set(key, ref);
    }
  }

  static async load(ds: DataSource, corpId: string): Promise<CustomerDirectory> {
    const rows = await ds.getRepository(Customer).find({ where: { corpId, removedAt: IsNull() }, select: { name: true, ownerUserid: true } });
    return new CustomerDirectory(rows);
  }

  /** The customer of that exact name, or null. */
  find(text: string): CustomerRef | null {
    return this.byName.get(norm(text)) ?? null;
  }

  /** The first customer name (in code-point order) that `accept` takes, or else the first of all; null when none. */
  pick(accept: (c: CustomerRef) => boolean): string | null {
    let best: string | null = null;
    let bestAny: string | null = null;
    for (const c of this.byName.values()) {
      if (bestAny === null || c.name < bestAny) bestAny = c.name;
      if (accept(c) && (best === null || c.name < best)) best = c.name;
    }
    return best ?? bestAny;
  }

  get size(): number {
    return this.byName.size;
  }
}
