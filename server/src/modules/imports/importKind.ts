import type { ImportColumnInfo, ImportKind, ImportKindInfo } from '@liucai/shared';
import type { PersonDirectory } from './personDirectory';
import type { CustomerDirectory, DepartmentDirectory } from './referenceDirectories';
import type { WarningLog } from './warningLog';
import type { KpiIndicatorDirectory } from './kpiIndicatorDirectory';

/** A non-empty cell a parser sees (formulas, error cells and blanks are handled before it). */
export type PlainCell = string | number | boolean | Date;

/** What a parser may use besides the cell: the corp's people (with the importer's scope), departments, customers. */
export interface ParseContext {
  people: PersonDirectory;
  departments: DepartmentDirectory;
  customers: CustomerDirectory;
  /** KPI indicators with the source “导入数据”, by month (empty unless the kind names indicators). */
  kpiIndicators: KpiIndicatorDirectory;
  /** Today in Asia/Shanghai (yyyy-mm-dd): later dates are refused. */
  today: string;
  /** Warnings about this row; the importer keeps them only if the row is imported. */
  warnings: Pick<WarningLog, 'addRow'>;
  row: number;
}

/** A problem found by looking at a whole row (after every cell parsed), reported under `column`. */
export interface RowProblem {
  column: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** How one column's cells become a value: `hint` says what it accepts (shown on the page and in messages). */
export interface CellParser<T> {
  hint: string;
  /** What the cell refers to, so a template can show a real one of the corp as its example. */
  ref?: 'person' | 'personName' | 'department' | 'customer' | 'month' | 'kpiIndicator';
  parse(cell: PlainCell, ctx: ParseContext): ParseResult<T>;
}

/** One column of a kind: its Chinese header, whether it must be filled, how to read it, an example. */
export interface ColumnSpec<T> {
  header: string;
  /** Other headers accepted for this column (older templates, common variants). */
  aliases: string[];
  required: boolean;
  example: string;
  parser: CellParser<T>;
  /** The value of an empty cell (or a missing optional column); unused when required. */
  empty: T;
}

/** A required column: an empty cell rejects the row. */
export function required<T>(header: string, parser: CellParser<T>, example: string, aliases: string[] = []): ColumnSpec<T> {
  return { header, aliases, required: true, example, parser, empty: undefined as T };
}

/** An optional column: empty means null. */
export function optional<T>(header: string, parser: CellParser<T>, example: string, aliases: string[] = []): ColumnSpec<T | null> {
  return { header, aliases, required: false, example, parser, empty: null };
}

/** An optional column with a default for empty cells. */
export function withDefault<T>(header: string, parser: CellParser<T>, fallback: T, example: string, aliases: string[] = []): ColumnSpec<T> {
  return { header, aliases, required: false, example, parser, empty: fallback };
}

/** The columns every imported row shares, filled by the importer. */
export interface ImportEntity {
  corpId: string;
  source: 'dingtalk' | 'import';
  sourceId: string;
  importedAt: Date;
}

type Columns = Record<string, ColumnSpec<unknown>>;
/** The parsed values of one row, typed by its column specs. */
export type RowValues<C extends Columns> = { [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T : never };

/** A kind as written in kinds/<kind>.ts: columns, natural key, and how a row becomes an entity. */
export interface KindSpec<C extends Columns, E extends ImportEntity> {
  kind: ImportKind;
  label: string;
  keyDescription: string;
  entity: new () => E;
  columns: C;
  /** The natural key's parts; normalised and hashed into the deterministic source_id. */
  key(values: RowValues<C>): string[];
  toRow(values: RowValues<C>): Omit<E, keyof ImportEntity>;
  /** Entity properties compared to tell "unchanged" from "updated" (and written on update, as `updateColumns`). */
  compare: (keyof Omit<E, keyof ImportEntity>)[];
  updateColumns: string[];
  /** Rules across cells (e.g. whose scope a row falls in when its person column is empty). */
  rowCheck?: (values: RowValues<C>, ctx: ParseContext) => RowProblem | null;
  /** The month (yyyy-mm) a created or changed row affects, when the kind's follow-up is per month. */
  period?: (row: Omit<E, keyof ImportEntity>) => string;
}

/** A kind with its types erased, as the importer and routes use it. */
export interface ImportKindDef {
  kind: ImportKind;
  label: string;
  keyDescription: string;
  entity: new () => ImportEntity;
  columns: { key: string; spec: ColumnSpec<unknown> }[];
  key(values: Record<string, unknown>): string[];
  toRow(values: Record<string, unknown>): Record<string, unknown>;
  compare: string[];
  updateColumns: string[];
  rowCheck(values: Record<string, unknown>, ctx: ParseContext): RowProblem | null;
  period: ((row: Record<string, unknown>) => string) | null;
  info: ImportKindInfo;
}

/** Turn a typed kind spec into the erased form the importer runs (the one place the types meet `unknown`). */
export function defineKind<C extends Columns, E extends ImportEntity>(spec: KindSpec<C, E>): ImportKindDef {
  const columns = Object.entries(spec.columns).map(([key, s]) => ({ key, spec: s }));
  const info: ImportKindInfo = {
    kind: spec.kind,
    label: spec.label,
    keyDescription: spec.keyDescription,
    columns: columns.map(({ spec: s }): ImportColumnInfo => ({ header: s.header, required: s.required, example: s.example, hint: s.parser.hint })),
  };
  return {
    kind: spec.kind,
    label: spec.label,
    keyDescription: spec.keyDescription,
    entity: spec.entity,
    columns,
    key: (values) => spec.key(values as RowValues<C>),
    toRow: (values) => spec.toRow(values as RowValues<C>) as Record<string, unknown>,
    compare: spec.compare.map(String),
    updateColumns: spec.updateColumns,
    rowCheck: (values, ctx) => spec.rowCheck?.(values as RowValues<C>, ctx) ?? null,
    period: spec.period ? (row) => spec.period!(row as Omit<E, keyof ImportEntity>) : null,
    info,
  };
}
