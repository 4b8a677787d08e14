import { SatisfactionScore } from '../../../entities';
import { date, person, scoreTenths, text } from '../cellParsers';
import { defineKind, optional, required } from '../importKind';

/** 客户满意度: one survey result per customer and day. */
export const satisfactionKind = defineKind({
  kind: 'satisfaction',
  label: '客户满意度',
  keyDescription: '客户名称 + 调查日期',
  entity: SatisfactionScore,
  columns: {
    customerName: required('客户名称', text(200), '华东精密制造有限公司'),
    owner: optional('负责人', person(), '张伟'),
    scoreTenths: required('评分', scoreTenths(), '9.2'),
    surveyedOn: required('调查日期', date(), '2026-11-24'),
  },
  key: (v) => [v.customerName, v.surveyedOn],
  toRow: (v) => ({ customerName: v.customerName, ownerUserid: v.owner?.userid ?? null, scoreTenths: v.scoreTenths, surveyedOn: v.surveyedOn }),
  compare: ['customerName', 'ownerUserid', 'scoreTenths', 'surveyedOn'],
  updateColumns: ['customer_name', 'owner_userid', 'score_tenths', 'surveyed_on'],
});
