import { SatisfactionScore } from '../../../entities';
import { customer, date, outOfScope, person, scoreTenths } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/**
 * 客户满意度: one survey result per customer and day. The customer must exist in the CRM. Scope: the row belongs to
 * its 负责人 when filled, otherwise to the customer's CRM owner; either must be within the importer's scope (a
 * customer nobody owns can be imported only by someone who sees everyone, or with a 负责人 filled in).
 */
export const satisfactionKind = defineKind({
  kind: 'satisfaction',
  label: '客户满意度',
  keyDescription: '客户名称 + 调查日期',
  entity: SatisfactionScore,
  columns: {
    customerName: required('客户名称', customer({ mustExist: true }), '华东精密制造有限公司'),
    owner: optional('负责人', person(), '张伟'),
    scoreTenths: required('评分', scoreTenths(), '9.2'),
    surveyedOn: required('调查日期', date(), '2026-11-24'),
  },
  key: (v) => [v.customerName.name, v.surveyedOn],
  toRow: (v) => ({ customerName: v.customerName.name, ownerUserid: v.owner?.userid ?? null, scoreTenths: v.scoreTenths, surveyedOn: v.surveyedOn }),
  compare: ['customerName', 'ownerUserid', 'scoreTenths', 'surveyedOn'],
  updateColumns: ['customer_name', 'owner_userid', 'score_tenths', 'surveyed_on'],
  rowCheck: (v, ctx) => {
    if (v.owner || ctx.people.scope.all) return null;
    const owners = v.customerName.ownerUserids.filter((o): o is string => o !== null);
    if (owners.some((o) => ctx.people.inScope(o))) return null;
    if (owners.length === 0) return { column: '负责人', message: `客户“${v.customerName.name}”在 CRM 中没有负责人：请填写负责人（你负责部门内的员工）` };
    return { column: '客户名称', message: outOfScope(`客户“${v.customerName.name}”的负责人`) };
  },
});
