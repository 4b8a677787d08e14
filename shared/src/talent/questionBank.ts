/**
 * The built-in question bank (题库) for the big-client sales model: four capability dimensions — 客户洞察 / 需求调研,
 * 方案设计, 资源协调, 长期维护 — each asked through situations a salesperson moving from small to big clients meets,
 * a few statements to rate 1–5 and a knowledge question, plus one open question. Seeded for every corp as a
 * published questionnaire (HR copies it to change it).
 */
import type { QuestionnaireDefinition } from './questionnaire';

export interface QuestionnaireTemplate {
  code: string;
  name: string;
  description: string;
  definition: QuestionnaireDefinition;
}

export const BIG_CLIENT_SALES_QUESTIONNAIRE: QuestionnaireTemplate = {
  code: 'big_client_sales_assessment',
  name: '大客户销售能力测评',
  description: '内置题库：客户洞察 / 需求调研、方案设计、资源协调、长期维护四个维度，情景题为主',
  definition: {
    intro: '本测评约 15 分钟，共 17 道题。情景题没有标准答案，请选择最接近你实际做法的一项。进度会自动保存，可随时退出后继续。',
    items: [
      // 客户洞察 / 需求调研
      {
        id: 'insight-1',
        kind: 'situational',
        text: '一家年营收 20 亿元的连锁零售企业第一次约你见面，对方采购经理只说“想了解一下你们的服务”。第一次见面你最可能怎么做？',
        dimensions: ['customerInsight'],
        weight: 2,
        options: [
          { id: 'a', text: '带上完整的产品手册和报价单，尽量把所有服务讲清楚', score: 20 },
          { id: 'b', text: '会前研究对方年报和门店扩张计划，见面时多问少讲，弄清是谁在推动这件事、想解决什么问题', score: 100 },
          { id: 'c', text: '先给一个有吸引力的首单折扣，拿下合作再慢慢了解', score: 0 },
          { id: 'd', text: '请对方先发一份需求清单，收到后再安排第二次沟通', score: 50 },
        ],
      },
      {
        id: 'insight-2',
        kind: 'situational',
        text: '客户的 IT 负责人很支持你的方案，但财务总监一直没有表态，项目卡了三周。你会？',
        dimensions: ['customerInsight', 'resourceCoordination'],
        options: [
          { id: 'a', text: '继续请 IT 负责人帮忙催财务总监', score: 30 },
          { id: 'b', text: '请 IT 负责人引荐，单独了解财务总监关心的投入回报和付款方式，再按他的关注点补充材料', score: 100 },
          { id: 'c', text: '降价 10%，希望以价格打动财务', score: 10 },
          { id: 'd', text: '先放一放，等客户主动联系', score: 0 },
        ],
      },
      {
        id: 'insight-3',
        kind: 'multiple',
        text: '首次拜访大客户前，下列哪些信息值得提前弄清楚？（多选）',
        dimensions: ['customerInsight'],
        options: [
          { id: 'a', text: '客户所在行业近一年的主要变化', correct: true },
          { id: 'b', text: '参与决策的人和各自的关注点', correct: true },
          { id: 'c', text: '客户目前使用的服务商及不满意的地方', correct: true },
          { id: 'd', text: '对方联系人的个人爱好，以便送礼', correct: false },
        ],
      },
      {
        id: 'insight-4',
        kind: 'likert',
        text: '与客户沟通时，我通常能说出客户没有明说、但真正在意的问题。',
        dimensions: ['customerInsight'],
      },
      // 方案设计
      {
        id: 'solution-1',
        kind: 'situational',
        text: '客户要求三天内给出一份覆盖全国 12 个分公司的服务方案，而你们在其中 4 个城市没有服务团队。你会？',
        dimensions: ['solutionDesign'],
        weight: 2,
        options: [
          { id: 'a', text: '照常写进方案，签约后再想办法', score: 0 },
          { id: 'b', text: '只报有团队的 8 个城市，其余不提', score: 30 },
          { id: 'c', text: '说明 8 个城市直接服务、4 个城市由认证合作伙伴交付，并写清交付标准、验收方式和分阶段上线时间', score: 100 },
          { id: 'd', text: '请客户放宽到两周，再决定怎么写', score: 50 },
        ],
      },
      {
        id: 'solution-2',
        kind: 'single',
        text: '给大客户的方案中，最先应该讲清楚的是？',
        dimensions: ['solutionDesign'],
        options: [
          { id: 'a', text: '我们公司的资质和获奖情况' },
          { id: 'b', text: '客户要解决的问题，以及方案带来的可衡量结果', correct: true },
          { id: 'c', text: '详细的价格明细' },
          { id: 'd', text: '服务团队的人员名单' },
        ],
      },
      {
        id: 'solution-3',
        kind: 'situational',
        text: '客户对比了三家方案后告诉你：“你们的最贵。”你会？',
        dimensions: ['solutionDesign', 'customerInsight'],
        options: [
          { id: 'a', text: '马上申请特价，先把价格降到最低', score: 10 },
          { id: 'b', text: '和客户逐项对比三家方案的服务范围、响应时间和总成本，说明差价换来了什么；确有冗余的部分主动删减', score: 100 },
          { id: 'c', text: '强调我们是行业大品牌，贵有贵的道理', score: 20 },
          { id: 'd', text: '请客户把另外两家的报价发来看看', score: 40 },
        ],
      },
      {
        id: 'solution-4',
        kind: 'likert',
        text: '写方案时，我习惯直接套用上一个客户的方案，改改名称就发出去。',
        dimensions: ['solutionDesign'],
        reverse: true,
      },
      // 资源协调
      {
        id: 'coordination-1',
        kind: 'situational',
        text: '客户要求下周一做一次现场技术演示，但负责的技术同事这周已排满，他的主管也不同意加派。你会？',
        dimensions: ['resourceCoordination'],
        weight: 2,
        options: [
          { id: 'a', text: '自己硬着头皮讲技术部分', score: 20 },
          { id: 'b', text: '请客户改期到两周后', score: 30 },
          { id: 'c', text: '找技术主管说明这个客户的金额和签约时间点，商量调换一位同事或改为远程演示加现场答疑，并把结果同步给自己的主管', score: 100 },
          { id: 'd', text: '直接找总经理要人', score: 40 },
        ],
      },
      {
        id: 'coordination-2',
        kind: 'situational',
        text: '签约后交付部门发现合同中一项服务需要额外人力，交付经理认为是销售“乱承诺”，双方在群里争执起来。你会？',
        dimensions: ['resourceCoordination', 'longTermMaintenance'],
        options: [
          { id: 'a', text: '在群里解释当时是客户坚持要加的', score: 20 },
          { id: 'b', text: '私下约交付经理把合同条款和客户期望对一遍，一起提出可行的交付安排，再共同和客户确认', score: 100 },
          { id: 'c', text: '不参与，交给双方主管处理', score: 0 },
          { id: 'd', text: '答应交付部门下次签约前先问他们', score: 60 },
        ],
      },
      {
        id: 'coordination-3',
        kind: 'likert',
        text: '遇到需要其他部门配合的客户问题时，我能很快知道该找谁、怎么说。',
        dimensions: ['resourceCoordination'],
      },
      {
        id: 'coordination-4',
        kind: 'multiple',
        text: '为了让跨部门同事愿意配合你的大客户项目，下列哪些做法有效？（多选）',
        dimensions: ['resourceCoordination'],
        options: [
          { id: 'a', text: '提前告知项目背景、时间点和对方需要投入的工作量', correct: true },
          { id: 'b', text: '项目成功后在周会上说明同事的贡献', correct: true },
          { id: 'c', text: '只在紧急时才联系，平时不打扰', correct: false },
          { id: 'd', text: '把客户的原话和反馈及时转给相关同事', correct: true },
        ],
      },
      // 长期维护
      {
        id: 'maintenance-1',
        kind: 'situational',
        text: '一个合作两年的大客户合同还有三个月到期，最近两次服务回访满意度都在下降。你会？',
        dimensions: ['longTermMaintenance'],
        weight: 2,
        options: [
          { id: 'a', text: '等到期前一个月再去谈续约', score: 10 },
          { id: 'b', text: '马上约客户做一次服务复盘，找出下降原因，拿出改进计划并跟进落实，再谈续约', score: 100 },
          { id: 'c', text: '提前给续约折扣，稳住客户', score: 40 },
          { id: 'd', text: '把问题反馈给交付部门，让他们处理', score: 30 },
        ],
      },
      {
        id: 'maintenance-2',
        kind: 'situational',
        text: '客户的对接人换了，新对接人对你们并不熟悉，还提到在考察别家。你会？',
        dimensions: ['longTermMaintenance', 'customerInsight'],
        options: [
          { id: 'a', text: '请原对接人帮忙说说好话', score: 30 },
          { id: 'b', text: '尽快拜访新对接人，整理过去合作的成果和数据，问清他的新目标，调整服务重点', score: 100 },
          { id: 'c', text: '保持原样，服务好了客户自然会留下', score: 10 },
          { id: 'd', text: '找客户更高层领导施压', score: 20 },
        ],
      },
      {
        id: 'maintenance-3',
        kind: 'single',
        text: '衡量一位大客户销售长期维护能力，下列哪个指标最直接？',
        dimensions: ['longTermMaintenance'],
        options: [
          { id: 'a', text: '每月拜访次数' },
          { id: 'b', text: '新签客户数' },
          { id: 'c', text: '客户续签率', correct: true },
          { id: 'd', text: '朋友圈点赞数' },
        ],
      },
      {
        id: 'maintenance-4',
        kind: 'likert',
        text: '签约之后，我会定期主动联系客户，即使当时没有新的销售机会。',
        dimensions: ['longTermMaintenance'],
      },
      {
        id: 'open-1',
        kind: 'text',
        text: '请简述一次你成功推动一个复杂客户项目的经历：你做了什么，结果如何？（选填）',
      },
    ],
  },
};

export const QUESTIONNAIRE_TEMPLATES: readonly QuestionnaireTemplate[] = [BIG_CLIENT_SALES_QUESTIONNAIRE];
