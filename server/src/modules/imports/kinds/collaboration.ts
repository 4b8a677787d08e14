import { CollaborationEvent } from '../../../entities';
import { customer, date, department, person } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/**
 * 跨部门协作: who worked with which department, for which customer, on which day. The employee must be within the
 * importer's scope; the department must be one of the corp's active departments and the customer, when given, one
 * the CRM has.
 */
export const collaborationKind = defineKind({
  kind: 'collaboration',
  label: '跨部门协作',
  keyDescription: '员工 + 协作部门 + 客户名称 + 日期',
  entity: CollaborationEvent,
  columns: {
    employee: required('员工', person(), '张伟'),
    withDepartment: required('协作部门', department(), '技术部'),
    customerName: optional('客户名称', customer({ mustExist: true }), '华东精密制造有限公司'),
    occurredOn: required('日期', date(), '2026-11-24'),
  },
  key: (v) => [v.employee.userid, v.withDepartment, v.customerName?.name ?? '', v.occurredOn],
  toRow: (v) => ({ userid: v.employee.userid, withDepartment: v.withDepartment, customerName: v.customerName?.name ?? null, occurredOn: v.occurredOn }),
  compare: ['userid', 'withDepartment', 'customerName', 'occurredOn'],
  updateColumns: ['userid', 'with_department', 'customer_name', 'occurred_on'],
});
