/**
 * The hrm dismission answers (doc 11.1, 11.2): the page of departed userids and each departure's detail.
 * querydimission's exact shape is UNCONFIRMED; it lives only here: assumed to be its documented sibling
 * queryonjob's `{data_list, next_cursor}`, with next_cursor (the next offset) left out on the last page.
 */
import type { SandboxDeparture } from './corpTypes';

/** One querydimission page. */
export interface DismissionPage {
  data_list: string[];
  /** The offset of the next page; absent when this page is the last. */
  next_cursor?: number;
}

/** One listdimission entry. */
export interface DismissionDetail {
  userid: string;
  last_work_day: number;
  dept_list: { dept_id: number; dept_path: string }[];
  reason_memo: string;
  reason_type: number;
  pre_status: number;
  handover_userid?: string;
  status: number;
  main_dept_name: string;
  main_dept_id: number;
}

/** The page of `departedUserids` starting at `offset`. */
export function presentDismissionPage(departedUserids: readonly string[], offset: number, size: number): DismissionPage {
  const page: DismissionPage = { data_list: departedUserids.slice(offset, offset + size) };
  if (offset + size < departedUserids.length) page.next_cursor = offset + size;
  return page;
}

/** A departure as listdimission sends it. */
export function presentDismission(d: SandboxDeparture): DismissionDetail {
  const detail: DismissionDetail = {
    userid: d.userid,
    last_work_day: d.last_work_day,
    dept_list: d.dept_list.map(({ dept_id, dept_path }) => ({ dept_id, dept_path })),
    reason_memo: d.reason_memo,
    reason_type: d.reason_type,
    pre_status: d.pre_status,
    status: d.status,
    main_dept_name: d.main_dept_name,
    main_dept_id: d.main_dept_id,
  };
  if (d.handover_userid !== undefined) detail.handover_userid = d.handover_userid;
  return detail;
}
