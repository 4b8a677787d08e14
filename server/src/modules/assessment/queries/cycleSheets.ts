/**
 * One cycle's sheets for HR without reading them all: completion grouped by the subject's main department (one
 * grouped query in SQL) and a page of the sheets matching the filters (a count and a page, with the subject's name
 * and department joined). Both limited to the subjects in the caller's scope (admins: everyone).
 */
import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { CycleSheetFilters, CycleSheetLine, CycleSheetStatus, DimensionScore, Paged } from '@liucai/shared';
import { AssessmentResponse, User } from '../../../entities';
import { keptCorpId, keptRead, type KeptCorp } from '../../../db/keptReads';
import { scopeKey, whereInPeopleScope, type PeopleScope } from '../../people/policies/peopleScope';
import { isoOf, likeEscaped, selectAs } from '../../people/queries/paging';
import type { DepartmentIndex } from '../../people/queries/departmentIndex';
import { peopleCards } from './assessmentQueries';

export interface DeptCompletion {
  deptId: number | null;
  total: number;
  submitted: number;
  inProgress: number;
}

/** The cycle's sheets whose subject is in `scope` (null: everyone), joined to the subject as `u`. */
function sheetsOf(ds: DataSource, corpId: string, cycleId: number, scope: PeopleScope | null): SelectQueryBuilder<AssessmentResponse> {
  // tenancy: the corp's sheets of the cycle and the corp's people (whereInPeopleScope adds u.corp_id too).
  const qb = ds
    .getRepository(AssessmentResponse)
    .createQueryBuilder('r')
    .innerJoin(User, 'u', 'u.corp_id = r.corp_id AND u.userid = r.subject_userid')
    .where('r.corp_id = :corpId AND r.cycle_id = :cycleId', { corpId, cycleId });
  return scope ? whereInPeopleScope(qb, 'u', scope) : qb;
}

const SUBMITTED = 'r.submitted_at IS NOT NULL';
const IN_PROGRESS = 'r.submitted_at IS NULL AND r.started_at IS NOT NULL';
const NOT_STARTED = 'r.submitted_at IS NULL AND r.started_at IS NULL';
const STATUS_SQL: Record<CycleSheetStatus, string> = { submitted: SUBMITTED, inProgress: IN_PROGRESS, notStarted: NOT_STARTED };

/** Sheets, submitted and opened-not-submitted by the subject's main department: one grouped query. */
export function completionByDepartment(ds: DataSource, corp: KeptCorp, cycleId: number, scope: PeopleScope | null): Promise<DeptCompletion[]> {
  // Kept while no sheet, person or department changed: grouping the cycle's sheets in HR's scope is most of the page.
  return keptRead(ds, corp, ['org', 'people', 'assessment'], ['cycleCompletion', cycleId, scopeKey(scope)], () =>
    countByDepartment(ds, keptCorpId(corp), cycleId, scope),
  );
}

async function countByDepartment(ds: DataSource, corpId: string, cycleId: number, scope: PeopleScope | null): Promise<DeptCompletion[]> {
  const rows = await sheetsOf(ds, corpId, cycleId, scope)
    .select('u.main_dept_id', 'deptId')
    .addSelect('COUNT(*)', 'total')
    .addSelect(`SUM(CASE WHEN ${SUBMITTED} THEN 1 ELSE 0 END)`, 'submitted')
    .addSelect(`SUM(CASE WHEN ${IN_PROGRESS} THEN 1 ELSE 0 END)`, 'inProgress')
    .groupBy('u.main_dept_id')
    .getRawMany<{ deptId: number | string | null; total: number | string; submitted: number | string | null; inProgress: number | string | null }>();
  return rows.map((r) => ({
    deptId: r.deptId === null ? null : Number(r.deptId),
    total: Number(r.total),
    submitted: Number(r.submitted ?? 0),
    inProgress: Number(r.inProgress ?? 0),
  }));
}

/** How many sheets match a status and department filter, from the grouped completion. */
function countOf(completion: readonly DeptCompletion[], f: CycleSheetFilters): number {
  const rows = f.deptId === undefined ? completion : completion.filter((d) => (d.deptId ?? 0) === f.deptId);
  const pick = (d: DeptCompletion) =>
    f.status === 'submitted'
      ? d.submitted
      : f.status === 'inProgress'
        ? d.inProgress
        : f.status === 'notStarted'
          ? d.total - d.submitted - d.inProgress
          : d.total;
  return rows.reduce((n, d) => n + pick(d), 0);
}

const statusOf = (submittedAt: unknown, startedAt: unknown): CycleSheetStatus =>
  submittedAt !== null && submittedAt !== undefined ? 'submitted' : startedAt !== null && startedAt !== undefined ? 'inProgress' : 'notStarted';

/**
 * One page of the cycle's sheets matching the filters, in subject order (a person's own sheet before the supervisor's
 * rating of them); `completion` is the cycle's grouped completion in the same scope (the count when no name is given).
 */
export function cycleSheetPage(ds: DataSource, corp: KeptCorp, ...rest: SheetPageArgs): Promise<Paged<CycleSheetLine>> {
  const [cycleId, scope, f] = rest;
  // Kept like the completion it pages through (no sheet, person or department changed).
  return keptRead(ds, corp, ['org', 'people', 'assessment'], ['cycleSheetPage', cycleId, scopeKey(scope), f], () =>
    readSheetPage(ds, keptCorpId(corp), ...rest),
  );
}

/** `readSheetPage`'s arguments after the database and the corp. */
type SheetPageArgs = Parameters<typeof readSheetPage> extends [DataSource, string, ...infer Rest] ? Rest : never;

async function readSheetPage(
  ds: DataSource,
  corpId: string,
  cycleId: number,
  scope: PeopleScope | null,
  f: Required<Pick<CycleSheetFilters, 'page' | 'pageSize'>> & CycleSheetFilters,
  depts: DepartmentIndex,
  completion: readonly DeptCompletion[],
): Promise<Paged<CycleSheetLine>> {
  const build = () => {
    const qb = sheetsOf(ds, corpId, cycleId, scope);
    if (f.status) qb.andWhere(STATUS_SQL[f.status]);
    if (f.deptId === 0) qb.andWhere('u.main_dept_id IS NULL');
    else if (f.deptId !== undefined) qb.andWhere('u.main_dept_id = :deptId', { deptId: f.deptId });
    if (f.q) {
      const contains = `%${likeEscaped(f.q)}%`;
      qb.andWhere(
        new Brackets((w) => {
          w.where("u.name LIKE :qContains ESCAPE '!'", { qContains: contains });
          if (/^[a-z0-9 ]+$/i.test(f.q!)) {
            const letters = `${likeEscaped(f.q!.toLowerCase().replace(/ /g, ''))}%`;
            w.orWhere("u.name_initials LIKE :qLetters ESCAPE '!'", { qLetters: letters });
            w.orWhere("REPLACE(u.name_pinyin, ' ', '') LIKE :qLetters ESCAPE '!'");
          }
        }),
      );
    }
    return qb;
  };
  // Without a name to search, the count is the grouped completion's (already read); the page walks the cycle's index
  // in subject order and stops at the page (no sort, no count over every sheet).
  const known = f.q ? null : countOf(completion, f);
  const total = known ?? Number((await build().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
  const rows =
    total === 0
      ? []
      : await selectAs(build(), {
          id: 'r.id',
          subjectUserid: 'r.subject_userid',
          subjectName: 'u.name',
          subjectTitle: 'u.title',
          deptId: 'u.main_dept_id',
          raterUserid: 'r.rater_userid',
          role: 'r.role',
          startedAt: 'r.started_at',
          submittedAt: 'r.submitted_at',
          scores: 'r.scores',
        })
          .orderBy('r.subject_userid', 'ASC')
          .addOrderBy('r.role', 'ASC')
          .offset((f.page - 1) * f.pageSize)
          .limit(f.pageSize)
          .getRawMany<Record<string, unknown>>();
  const page = { items: rows, total, page: f.page, pageSize: f.pageSize };
  const raters = await peopleCards(
    ds,
    corpId,
    page.items.map((r) => String(r.raterUserid)),
  );
  const items = page.items.map((r): CycleSheetLine => {
    const deptId = r.deptId === null ? null : Number(r.deptId);
    const status = statusOf(r.submittedAt, r.startedAt);
    const rater = String(r.raterUserid);
    return {
      responseId: Number(r.id),
      subject: { userid: String(r.subjectUserid), name: String(r.subjectName), title: r.subjectTitle === null ? null : String(r.subjectTitle) },
      rater: raters.get(rater)?.ref ?? { userid: rater, name: rater, title: null },
      role: r.role === 'supervisor' ? 'supervisor' : 'self',
      deptId,
      department: departmentPath(depts, deptId),
      status,
      submittedAt: status === 'submitted' ? isoOf(r.submittedAt) : null,
      scores: status === 'submitted' ? (r.scores ? (JSON.parse(String(r.scores)) as DimensionScore[]) : []) : null,
    };
  });
  return { ...page, items };
}

/** A department as the cycle page names it: its path, 未分配部门 without one. */
export const departmentPath = (depts: DepartmentIndex, id: number | null): string => (id === null ? '未分配部门' : depts.path(id));
