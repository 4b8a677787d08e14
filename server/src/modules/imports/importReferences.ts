import type { DataSource } from 'typeorm';
import type { Actor } from '../../appTypes';
import type { ImportKindDef } from './importKind';
import { PersonDirectory } from './personDirectory';
import { CustomerDirectory, DepartmentDirectory } from './referenceDirectories';
import { KpiIndicatorDirectory } from './kpiIndicatorDirectory';

/** What the rows of one import are checked against, loaded once for the whole file (a few queries, never per row). */
export interface ImportReferences {
  people: PersonDirectory;
  departments: DepartmentDirectory;
  customers: CustomerDirectory;
  kpiIndicators: KpiIndicatorDirectory;
}

const uses = (def: ImportKindDef, ref: 'department' | 'customer' | 'kpiIndicator') => def.columns.some((c) => c.spec.parser.ref === ref);

/** The corp's people (with the importer's scope) and, when the kind names them, its departments, customers, KPI indicators. */
export async function loadImportReferences(ds: DataSource, actor: Actor, def: ImportKindDef): Promise<ImportReferences> {
  const [people, departments, customers, kpiIndicators] = await Promise.all([
    PersonDirectory.load(ds, actor),
    uses(def, 'department') ? DepartmentDirectory.load(ds, actor.corpId) : new DepartmentDirectory([]),
    uses(def, 'customer') ? CustomerDirectory.load(ds, actor.corpId) : new CustomerDirectory([]),
    uses(def, 'kpiIndicator') ? KpiIndicatorDirectory.load(ds, actor.corpId) : new KpiIndicatorDirectory([], []),
  ]);
  return { people, departments, customers, kpiIndicators };
}

/**
 * The example row of a kind's template for this importer: real references of the corp where the kind names one
 * (a person within the importer's scope, a customer that person owns, a department other than theirs, a KPI
 * indicator to import for the example month), the kind's
 * fixed examples elsewhere, and the fixed examples again when the corp has none. Chosen deterministically, so
 * the same importer gets the same row and an upload that still holds it is recognised (see `isExampleRow`).
 */
export function exampleRow(def: ImportKindDef, refs: ImportReferences, importer: string): string[] {
  const customerName = refs.customers.pick((c) => c.ownerUserids.some((o) => o !== null && refs.people.inScope(o)));
  const owner = customerName ? refs.customers.find(customerName)?.ownerUserids.find((o) => o !== null && o !== importer && refs.people.inScope(o)) : undefined;
  const candidates = refs.people.examplePeople(importer);
  const person = candidates.find((p) => p.userid === owner) ?? candidates[0] ?? null;
  const top = refs.departments.topLevel.filter((d) => refs.departments.isUnique(d));
  const department = top.find((d) => d.includes('技术')) ?? top[0] ?? null;
  const month = def.columns.find((c) => c.spec.parser.ref === 'month')?.spec.example;
  const indicator = month ? refs.kpiIndicators.example(month) : null;
  return def.columns.map(({ spec }) => {
    switch (spec.parser.ref) {
      case 'person':
        return person?.label ?? spec.example;
      case 'personName':
        return person?.name ?? spec.example;
      case 'department':
        return department ?? spec.example;
      case 'customer':
        return customerName ?? spec.example;
      case 'kpiIndicator':
        return indicator ?? spec.example;
      default:
        return spec.example;
    }
  });
}
