/** 转型看板 API shapes. HR only, within its departments; risk counts only of the people whose risk HR may see. */
import type { AtmosphereView } from '../retention/pulseApi';
import type { OutcomeCell, OutcomeGrouping, OutcomeMetric } from './dashboard';

export interface OutcomeGroupView {
  key: string;
  /** 全部 / the department's name / the tier's label. */
  label: string;
}

export interface OutcomesDashboard {
  /** Ascending yyyy-mm. */
  months: string[];
  by: OutcomeGrouping;
  groups: OutcomeGroupView[];
  /** cells[groupKey][month]. */
  cells: Record<string, Record<string, OutcomeCell>>;
  /** When the outcomes job last stored the rows (null: never ran; the page says so). */
  computedAt: string | null;
  targets: { annualTurnover: { before: number; target: number }; bigShare: { before: number; target: number } };
  /**
   * 团队氛围: each team of HR's departments with a stored atmosphere, its latest month (pulse surveys), in tree order:
   * the first `ATMOSPHERE_PAGE_SIZE`, the rest a page at a time from GET /api/v1/outcomes/atmosphere.
   */
  atmosphere: AtmosphereView[];
  /** How many teams 团队氛围 has in all. */
  atmosphereTotal: number;
}

/** 团队氛围's teams answered at a time (the dashboard's first page, then 显示更多). */
export const ATMOSPHERE_PAGE_SIZE = 20;

export interface OutcomePersonView {
  userid: string;
  name: string;
  deptName: string | null;
  counted: boolean;
  value: string | null;
}

export interface OutcomePeopleView {
  metric: OutcomeMetric;
  month: string;
  group: string;
  key: string | null;
  people: OutcomePersonView[];
}
