/**
 * The audited actions and their Chinese names. Actions are `domain.noun.verb`; a domain (pay, talent, retention)
 * adds its own here so the log and its export name them in Chinese. An action missing here is still recorded and
 * shown by its code.
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  'pay.plan.create': '新建激励方案',
  'pay.planVersion.create': '新建方案版本',
  'pay.planVersion.update': '修改方案草稿',
  'pay.planVersion.publish': '发布方案版本',
  'pay.planVersion.copy': '复制方案版本',
  'pay.assignment.create': '分配激励方案',
  'pay.kpiScheme.create': '新建 KPI 方案',
  'pay.kpiSchemeVersion.create': '新建 KPI 方案版本',
  'pay.kpiSchemeVersion.update': '修改 KPI 方案草稿',
  'pay.kpiSchemeVersion.publish': '发布 KPI 方案版本',
  'pay.kpiSchemeVersion.copy': '复制 KPI 方案版本',
  'pay.kpi.read': '查看他人绩效明细',
  'pay.kpiRating.rate': '主管评分',
  'pay.kpiPromotion.decide': '记录晋升决定',
  'pay.run.create': '新建发放批次',
  'pay.run.recompute': '重新计算发放批次',
  'pay.run.compute': '计算发放批次',
  'pay.run.lock': '锁定发放批次',
  'pay.run.approve': '审批发放批次',
  'pay.run.publish': '发布发放批次',
  'pay.run.read': '查看发放批次',
  'pay.run.export': '导出工资表',
  'open.token.create': '新建开放接口令牌',
  'open.token.revoke': '吊销开放接口令牌',
  'pay.statement.read': '查看他人激励明细',
  'pay.statement.list': '查看他人激励记录',
  'pay.dispute.create': '提出申诉',
  'pay.dispute.resolve': '处理申诉',
  'pay.adjustment.create': '新增调整项',
  'audit.log.export': '导出审计日志',
  'audit.log.purge': '清理过期审计日志',
  'talent.jobModel.create': '新建岗位模型',
  'talent.jobModelVersion.create': '新建岗位模型版本',
  'talent.jobModelVersion.update': '修改岗位模型草稿',
  'talent.jobModelVersion.publish': '发布岗位模型版本',
  'talent.jobModelVersion.copy': '复制岗位模型版本',
  'talent.decision.create': '记录人才盘点决定',
  'talent.review.export': '导出人才盘点',
  'talent.recompute.start': '重新计算画像和匹配度',
  'talent.metricReference.set': '设置画像指标参考值',
  'assessment.questionnaire.create': '新建测评问卷',
  'assessment.questionnaireVersion.create': '新建问卷版本',
  'assessment.questionnaireVersion.update': '修改问卷草稿',
  'assessment.questionnaireVersion.publish': '发布问卷版本',
  'assessment.questionnaireVersion.copy': '复制问卷版本',
  'assessment.cycle.launch': '发起测评',
  'assessment.cycle.remind': '催办测评',
  'assessment.response.submit': '提交测评答卷',
  'retention.riskList.read': '查看留才雷达名单',
  'retention.risk.read': '查看员工离职风险',
  'retention.review.create': '复核离职风险',
  'outcomes.dashboard.read': '查看转型看板',
  'outcomes.people.read': '查看转型看板名单',
  'outcomes.export': '导出转型看板',
};

/** An action's Chinese name, or its code when it has none. */
export const auditActionLabel = (action: string): string => AUDIT_ACTIONS[action] ?? action;

/** Who acts in jobs (no person, no session). */
export const SYSTEM_ACTOR = 'system';
