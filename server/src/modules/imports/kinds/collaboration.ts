import { CollaborationEvent } from '../../../entities';
import { date, person, text } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/** 跨部门协作: who worked with which department, for which customer, on which day. */
export const collaborationKind = defineKind({
  kind: 'collaboration',
  label: '跨部门协作',
  keyDescription: '员工 + 协作部门 + 客户名称 + 日期',
  entity: CollaborationEvent,
  columns: {
    employee: required('员工', person(), '张伟'),
    withDepartment: required('协作部门', text(200), '售前技术部'),
    customerName: optional('客户名称', text(200), '华东精密制造有限公司'),
    occurredOn: required('日期', date(), '2026-11-24'),
  },
  key: (v) => [v.employee.userid, v.withDepartment, v.customerName ?? '', v.occurredOn],
  toRow: (v) => ({ userid: v.employee.userid, withDepartment: v.withDepartment, customerName: v.customerName, occurredOn: v.occurredOn }),
  compare: ['userid', 'withDepartment', 'customerName', 'occurredOn'],
  updateColumns: ['userid', 'with_department', 'customer_name', 'occurred_on'],
});
