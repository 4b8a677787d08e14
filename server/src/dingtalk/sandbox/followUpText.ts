/**
 * The sandbox's follow-up content (follow_content): a short Chinese note as a salesperson writes it — how they got in
 * touch, what the client said (the feedback: satisfaction, price, delivery, needs, renewal…), and the next step —
 * picked deterministically from the record's id, so every run serves the same text. Colleagues who joined are
 * mentioned, as the notes of a joint visit do.
 */
import { hash53 } from './stableIds';

const OPENINGS: Record<string, readonly string[]> = {
  电话: ['电话沟通', '电话回访', '和对接人通了电话'],
  拜访: ['上门拜访', '到客户现场拜访', '拜访客户采购部'],
  微信: ['微信沟通', '微信跟进', '客户在微信上回复'],
  会议: ['线上会议', '参加客户的周例会', '与客户开了项目沟通会'],
  邮件: ['邮件跟进', '发送方案邮件后跟进', '邮件确认需求'],
};

/** What clients say: each a clause of feedback. */
const FEEDBACK: readonly string[] = [
  '客户对交付进度比较满意',
  '客户反馈售后响应速度慢，希望缩短处理时间',
  '客户认为报价偏高，希望给出阶梯折扣',
  '客户关心系统的数据安全和权限管理',
  '客户希望增加培训名额，新员工上手较慢',
  '客户对上季度的服务质量表示认可',
  '客户提出需要和现有财务系统对接',
  '客户预算已经批下来，采购流程在走审批',
  '客户对合同续签有意向，想先看使用报告',
  '客户抱怨发票开具不及时',
  '客户希望我们提供定制化报表',
  '客户对竞品的价格比较敏感',
  '客户表示实施团队很专业，沟通顺畅',
  '客户担心上线后运维人手不够',
  '客户要求明确服务等级和响应时间',
  '客户对产品稳定性很满意，准备扩大使用范围',
  '客户提到决策人变更，需要重新介绍方案',
  '客户希望分期付款',
  '客户反馈操作界面复杂，培训后有改善',
  '客户询问续约优惠政策',
];

const NEXT_STEPS: readonly string[] = [
  '下周提交修改后的报价',
  '约定月底前安排技术交流',
  '整理使用报告发给客户',
  '协调售后团队跟进问题',
  '准备合同草稿，等待法务审核',
  '安排产品演示',
  '下次拜访时带上实施方案',
  '继续保持每两周回访',
];

const pick = <T>(list: readonly T[], id: string, salt: number): T => list[hash53(id, salt) % list.length]!;

/** The note of one follow-up record (type 电话 / 拜访 / 微信 / 会议 / 邮件). */
export function followUpText(record: { instanceId: string; type: string; participants: readonly string[] }): string {
  const id = record.instanceId;
  const opening = pick(OPENINGS[record.type] ?? OPENINGS['电话']!, id, 1);
  const first = pick(FEEDBACK, id, 2);
  const second = hash53(id, 3) % 3 === 0 ? pick(FEEDBACK, id, 4) : null;
  const joint = record.participants.length > 0 ? '，技术和售后同事一同参加' : '';
  const feedback = second && second !== first ? `${first}；${second}` : first;
  return `${opening}${joint}。${feedback}。${pick(NEXT_STEPS, id, 5)}。`;
}
