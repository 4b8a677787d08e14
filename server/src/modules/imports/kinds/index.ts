import type { ImportKind } from '@liucai/shared';
import type { ImportKindDef } from '../importKind';
import { dealsKind } from './deals';
import { satisfactionKind } from './satisfaction';
import { collaborationKind } from './collaboration';
import { trainingKind } from './training';
import { departuresKind } from './departures';
import { kpiValuesKind } from './kpiValues';

/** Every import kind, in the order the page lists them. */
export const IMPORT_KIND_DEFS: Record<ImportKind, ImportKindDef> = {
  deals: dealsKind,
  satisfaction: satisfactionKind,
  collaboration: collaborationKind,
  training: trainingKind,
  departures: departuresKind,
  kpiValues: kpiValuesKind,
};

/** The kind named in a URL, or null. */
export function findImportKind(kind: string): ImportKindDef | null {
  return Object.hasOwn(IMPORT_KIND_DEFS, kind) ? IMPORT_KIND_DEFS[kind as ImportKind] : null;
}
