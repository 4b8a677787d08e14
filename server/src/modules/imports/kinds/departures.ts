import { Departure } from '../../../entities';
import { date, oneOf, person, text } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/** DingTalk's dismission reason types (reason_type 1-9), by their Chinese names. */
const REASON_TYPES = {
  家庭原因: 1,
  个人原因: 2,
  发展原因: 3,
  合同到期不续签: 4,
  协议解除: 5,
  无法胜任工作: 6,
  经济性裁员: 7,
  严重违法违纪: 8,
  其他: 9,
} as const;

/**
 * 离职记录: past departures of people within the importer's scope; people who left before Liucai may be named by an
 * id no user has (admins only: nobody can tell which department such a person was in).
 */
export const departuresKind = defineKind({
  kind: 'departures',
  label: '离职记录',
  keyDescription: '员工 + 最后工作日',
  entity: Departure,
  columns: {
    employee: required('员工', person({ keepUnknownId: true }), 'A0123'),
    name: optional('姓名', { ...text(100), ref: 'personName' }, '李娜'),
    lastDay: required('最后工作日', date(), '2026-11-24'),
    reasonType: optional('离职原因类型', oneOf(REASON_TYPES), '发展原因'),
    reason: optional('离职原因', text(500), '去了更大的平台'),
  },
  key: (v) => [v.employee.userid, v.lastDay],
  toRow: (v) => ({
    userid: v.employee.userid,
    name: v.name ?? v.employee.name,
    lastDay: v.lastDay,
    reasonType: v.reasonType,
    reason: v.reason,
    mainDeptId: v.employee.mainDeptId,
  }),
  compare: ['userid', 'name', 'lastDay', 'reasonType', 'reason', 'mainDeptId'],
  updateColumns: ['userid', 'name', 'last_day', 'reason_type', 'reason', 'main_dept_id'],
});
