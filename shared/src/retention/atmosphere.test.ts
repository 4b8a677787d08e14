import { teamAtmosphere, turnedNegative } from './atmosphere';

const pulse = (enps: number, stay: number, workload = 3.5, support = 3.5) => ({ respondents: 8, enps, stay, workload, support });
const collab = (recent: number, baseline: number) => ({ people: 8, recentPerWeek: recent, baselinePerWeek: baseline });

describe('teamAtmosphere', () => {
  it('积极: good eNPS and intent to stay, collaboration steady', () => {
    const a = teamAtmosphere({ pulse: pulse(35, 4.2), collaboration: collab(3, 3) });
    expect(a.level).toBe('积极');
    expect(a.reasons).toEqual([
      'eNPS +35（8 人作答，较好）',
      '留任意愿均分 4.2 / 5，较高',
      '工作量认可均分 3.5 / 5',
      '转型支持均分 3.5 / 5',
      '跨部门协作与帮助同事：本月人均每周 3.0 次，比此前 12 周（3.0 次）持平',
    ]);
    expect(a.actions).toEqual(['保持当前做法，请主管在月会上分享团队的经验']);
  });

  it('消极: low eNPS and collaboration down 50%, with actions for each', () => {
    const a = teamAtmosphere({ pulse: pulse(-25, 3.2, 2.4), collaboration: collab(1.5, 3) });
    expect(a.level).toBe('消极');
    expect(a.reasons).toContain('跨部门协作与帮助同事：本月人均每周 1.5 次，比此前 12 周（3.0 次）少 50%');
    expect(a.reasons).toContain('工作量认可均分 2.4 / 5，偏低');
    expect(a.actions).toEqual([
      '主管与团队成员逐一沟通，了解不愿推荐团队的原因，并在两周内反馈改进措施',
      '复核团队的客户分配与工作量，必要时调整目标或补充人手',
      '安排跨部门联合拜访或大客户复盘会，恢复团队之间的协作与互助',
    ]);
  });

  it('消极 on a very low eNPS alone (≤ −40)', () => {
    expect(teamAtmosphere({ pulse: pulse(-45, 3.5), collaboration: null }).level).toBe('消极');
  });

  it('中性 when signals are mixed', () => {
    const a = teamAtmosphere({ pulse: pulse(30, 2.8), collaboration: collab(3, 3) });
    expect(a.level).toBe('中性');
    expect(a.actions).toEqual(['HR 与主管对照留才雷达梳理有离职风险的成员，安排一对一面谈']);
  });

  it('数据不足 without a disclosed pulse result, whatever the collaboration', () => {
    const a = teamAtmosphere({ pulse: null, collaboration: collab(0.5, 3) });
    expect(a.level).toBeNull();
    expect(a.reasons[0]).toBe('本月没有可显示的脉搏调查结果（未调查，或作答不足 5 人）：数据不足');
    expect(a.actions).toEqual(['发起脉搏调查（每月一次），作答满 5 人后即可判断团队氛围']);
  });
});

describe('turnedNegative', () => {
  it('is a turn only from something else to 消极', () => {
    expect(turnedNegative('中性', '消极')).toBe(true);
    expect(turnedNegative(null, '消极')).toBe(true);
    expect(turnedNegative('消极', '消极')).toBe(false);
    expect(turnedNegative('消极', '中性')).toBe(false);
  });
});
