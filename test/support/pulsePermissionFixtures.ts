/**
 * How the permission matrix calls the pulse survey routes: HR schedules for 销售中心 (the target's); HR's results read
 * a closed round of 销售中心; each signed-in actor answers its own invitation of a round inviting them all, so no call
 * depends on another's.
 */
import { PULSE_TEMPLATE } from '@liucai/shared';
import { PulseSurvey } from '../../server/src/entities';
import { openRound } from '../../server/src/modules/pulse/commands/pulseRoundOpener';
import type { PermissionWorld } from './permissionWorld';
import { once, setupActor } from './fixtureRules';
import type { Fixture } from './permissionFixtures';

const DUE = '2099-12-31';

/** A round of a 销售中心 survey made by the setup admin, inviting `userids`; closed when `closed`. */
const round = (pw: PermissionWorld, key: string, userids: string[], closed: boolean) =>
  once(pw, `pulse:${key}`, async () => {
    const now = new Date();
    return pw.w.ds.transaction(async (em) => {
      const survey = await em.getRepository(PulseSurvey).save(
        Object.assign(new PulseSurvey(), {
          corpId: pw.w.corpId,
          title: `矩阵脉搏 ${key}`,
          deptId: pw.depts.sales,
          cadence: 'once',
          questions: JSON.stringify(PULSE_TEMPLATE.questions),
          active: true,
          createdBy: setupActor(pw).userid,
          createdAt: now,
        }),
      );
      const r = await openRound(
        em,
        survey,
        { opensOn: '2020-01-01', dueOn: closed ? '2020-01-31' : DUE },
        userids.map((userid) => ({ userid, group: pw.depts.sales })),
        now,
      );
      return r.id;
    });
  });

const everyone = (pw: PermissionWorld) =>
  (['employee', 'supervisorOfTarget', 'supervisorOther', 'hrInScope', 'hrOutOfScope', 'admin'] as const).map((a) => pw.users[a]!);

export const PULSE_FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/pulse-surveys': { call: () => ({ path: '/api/v1/pulse-surveys' }) },
  'POST /api/v1/pulse-surveys': {
    call: (pw, actor) => ({ path: '/api/v1/pulse-surveys', json: { title: `矩阵发起 ${actor}`, deptId: pw.depts.sales, cadence: 'once', dueOn: DUE } }),
  },
  'POST /api/v1/pulse-surveys/:id/stop': {
    call: async (pw) => {
      const id = await once(pw, 'pulse:stop', async () => {
        const survey = await pw.w.ds.getRepository(PulseSurvey).save(
          Object.assign(new PulseSurvey(), {
            corpId: pw.w.corpId,
            title: '矩阵停止',
            deptId: pw.depts.sales,
            cadence: 'monthly',
            questions: JSON.stringify(PULSE_TEMPLATE.questions),
            active: true,
            createdBy: setupActor(pw).userid,
            createdAt: new Date(),
          }),
        );
        return survey.id;
      });
      return { path: `/api/v1/pulse-surveys/${id}/stop` };
    },
  },
  'GET /api/v1/pulse-rounds/:id/results': {
    call: async (pw) => ({ path: `/api/v1/pulse-rounds/${await round(pw, 'closed', [pw.target], true)}/results` }),
  },
  'GET /api/v1/pulse/mine': { call: () => ({ path: '/api/v1/pulse/mine' }) },
  'POST /api/v1/pulse/rounds/:id/answers': {
    call: async (pw) => ({
      path: `/api/v1/pulse/rounds/${await round(pw, 'answers', everyone(pw), false)}/answers`,
      json: { answers: { enps: 8, stay: 4, workload: 3, support: 4 } },
    }),
  },
};
