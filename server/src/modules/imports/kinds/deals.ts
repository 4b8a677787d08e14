import { Deal } from '../../../entities';
import { customer, date, integer, money, oneOf, person, text } from '../cellParsers';
import { defineKind, required, withDefault } from '../importKind';

/**
 * 合同/成交: historical contracts, keyed by contract number. The 负责人 must be within the importer's scope; a
 * customer the CRM does not know is kept with a warning (contracts from old systems predate the CRM).
 */
export const dealsKind = defineKind({
  kind: 'deals',
  label: '合同/成交',
  keyDescription: '合同编号',
  entity: Deal,
  columns: {
    contractNo: required('合同编号', text(64), 'HT-2026-0001'),
    customerName: required('客户名称', customer({ mustExist: false }), '华东精密制造有限公司'),
    owner: required('负责人', person(), '张伟'),
    amountFen: required('合同金额(元)', money(), '150,000.00', ['合同金额']),
    signedOn: required('签约日期', date(), '2026-11-24'),
    renewalYears: withDefault('续约年限', integer(0, 100), 0, '2'),
    status: withDefault('状态', oneOf({ 进行中: 'active', 已完成: 'completed', 已取消: 'cancelled' } as const), 'active', '进行中'),
  },
  key: (v) => [v.contractNo],
  toRow: (v) => ({
    customerName: v.customerName.name,
    ownerUserid: v.owner.userid,
    amountFen: v.amountFen,
    signedOn: v.signedOn,
    renewalYears: v.renewalYears,
    status: v.status,
  }),
  compare: ['customerName', 'ownerUserid', 'amountFen', 'signedOn', 'renewalYears', 'status'],
  updateColumns: ['customer_name', 'owner_userid', 'amount_fen', 'signed_on', 'renewal_years', 'status'],
});
