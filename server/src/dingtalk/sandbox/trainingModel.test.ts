import { trainingKind } from '../../modules/imports/kinds/training';
import { DRIFT_DAYS, DRIFT_FULL_DAYS } from './driftModel';
import { generateCorp } from './generateCorp';
import { sandboxForTests } from './sandboxTestCorp';
import {
  TRAINING_CSV_HEADERS,
  TRAINING_FILE_NAME,
  TRAINING_HISTORY_DAYS,
  dayText,
  generateTraining,
  trainingCsv,
  type TrainingCourseRecord,
} from './trainingModel';
import { chinaDayNumber } from './workCalendar';

const CORP = { corpId: 'dingtraining', appKey: 'training-key', appSecret: 'training-secret', agentId: 5, seed: 11, employees: 400 };
const sandbox = sandboxForTests(CORP);
const { corp } = sandbox;

/** Records grouped by person. */
function byPerson(records: readonly TrainingCourseRecord[]): Map<string, TrainingCourseRecord[]> {
  const out = new Map<string, TrainingCourseRecord[]>();
  for (const r of records) out.set(r.userid, [...(out.get(r.userid) ?? []), r]);
  return out;
}

describe('the sandbox training history', () => {
  it('is a pure function of the seed and the people, and leaves the rest of the corp as it was', () => {
    const before = JSON.stringify(corp().toJSON());
    const records = generateTraining(corp());
    expect(generateTraining(corp())).toEqual(records);
    expect(JSON.stringify(corp().toJSON())).toBe(before);
    // Another corp of the same options: the same file; another seed: another history.
    expect(generateTraining(generateCorp(CORP))).toEqual(records);
    expect(trainingCsv(generateTraining(generateCorp({ ...CORP, seed: 12 })))).not.toBe(trainingCsv(records));
    // Most people trained; about one course every month or two.
    const people = byPerson(records);
    const everyone = corp().users.size + corp().departures.length;
    expect(people.size / everyone).toBeGreaterThan(0.8);
    expect(records.length / people.size).toBeGreaterThan(6);
    expect(records.length / people.size).toBeLessThan(25);
    // Each person takes a course once (the import's key is person + course).
    for (const list of people.values()) expect(new Set(list.map((r) => r.course)).size).toBe(list.length);
  });

  it('dates nothing before the hire, after the last working day, or on or after today', () => {
    const today = chinaDayNumber(corp().asOfMs);
    const lastDays = new Map(corp().departures.map((d) => [d.userid, chinaDayNumber(d.last_work_day)]));
    const hired = new Map([...corp().users.values(), ...corp().departures.map((d) => d.user)].map((u) => [u.userid, chinaDayNumber(u.hired_date)]));
    const records = generateTraining(corp());
    expect(records.length).toBeGreaterThan(1000);
    for (const r of records) {
      const until = Math.min(lastDays.get(r.userid) ?? today - 1, today - 1);
      expect({ r, ok: r.startDay >= hired.get(r.userid)! && r.startDay >= today - TRAINING_HISTORY_DAYS && r.startDay <= until }).toMatchObject({ ok: true });
      if (r.completedDay !== undefined) {
        expect({ r, ok: r.completedDay <= until && r.completedDay >= r.startDay && r.completionPercent === 100 }).toMatchObject({ ok: true });
      } else {
        expect({ r, ok: r.completionPercent > 0 && r.completionPercent < 100 && r.examScore === null }).toMatchObject({ ok: true });
      }
      if (r.examScore !== null) expect(r.examScore).toBeGreaterThanOrEqual(0);
    }
    // People who left trained up to their last day, not after.
    const leavers = records.filter((r) => lastDays.has(r.userid));
    expect(leavers.length).toBeGreaterThan(100);
  });

  it('gives drifters fewer courses from 15 weeks before their horizon, none in the last 5 weeks, and one left in progress', () => {
    const records = generateTraining(corp());
    const people = byPerson(records);
    const drifters = corp().driftingUserids();
    expect(drifters.length).toBeGreaterThan(10);
    let fading = 0;
    let before = 0;
    let weeksFading = 0;
    let weeksBefore = 0;
    for (const userid of drifters) {
      const horizon = corp().driftOf(userid)!.horizonDay;
      const list = people.get(userid) ?? [];
      for (const r of list) {
        // Nothing started or completed once the drift is full.
        expect({ userid, r, started: horizon - r.startDay > DRIFT_FULL_DAYS }).toMatchObject({ started: true });
        if (r.completedDay !== undefined) expect({ userid, r, done: horizon - r.completedDay > DRIFT_FULL_DAYS }).toMatchObject({ done: true });
      }
      // Completions per week in the drift's rise against the 15 weeks before it (where the person worked then).
      const firstDay = chinaDayNumber((corp().getUser(userid) ?? corp().departures.find((d) => d.userid === userid)!.user).hired_date);
      const rise = [horizon - DRIFT_DAYS, horizon - DRIFT_FULL_DAYS] as const;
      const earlier = [Math.max(firstDay, horizon - 2 * DRIFT_DAYS, chinaDayNumber(corp().asOfMs) - TRAINING_HISTORY_DAYS), horizon - DRIFT_DAYS] as const;
      if (earlier[1] - earlier[0] < 70) continue;
      const done = (from: number, to: number) => list.filter((r) => r.completedDay !== undefined && r.completedDay >= from && r.completedDay < to).length;
      fading += done(...rise);
      weeksFading += (rise[1] - rise[0]) / 7;
      before += done(...earlier);
      weeksBefore += (earlier[1] - earlier[0]) / 7;
      if (list.length > 0) expect({ userid, inProgress: list.some((r) => r.completedDay === undefined) }).toMatchObject({ inProgress: true });
    }
    expect(weeksBefore).toBeGreaterThan(0);
    // On average at most 60% of the earlier weekly rate while the drift rises (linear from 0 to full: about half).
    expect(fading / weeksFading).toBeLessThan(0.6 * (before / weeksBefore));
    // Everyone else keeps training up to today: completions in the last 5 weeks.
    const today = chinaDayNumber(corp().asOfMs);
    const drifting = new Set(drifters);
    expect(records.filter((r) => !drifting.has(r.userid) && r.completedDay !== undefined && r.completedDay >= today - DRIFT_FULL_DAYS).length).toBeGreaterThan(
      50,
    );
  });

  it('starts people hired within the history with the onboarding courses, salespeople moving to big-client courses', () => {
    const today = chinaDayNumber(corp().asOfMs);
    const records = generateTraining(corp());
    const people = byPerson(records);
    const hires = [...corp().users.values()].filter(
      (u) => chinaDayNumber(u.hired_date) >= today - TRAINING_HISTORY_DAYS + 1 && chinaDayNumber(u.hired_date) < today - 30,
    );
    expect(hires.length).toBeGreaterThan(20);
    for (const u of hires) {
      const first = people.get(u.userid)?.find((r) => r.course === '新员工入职培训');
      expect({ userid: u.userid, start: first?.startDay }).toEqual({ userid: u.userid, start: chinaDayNumber(u.hired_date) });
    }
    // The transition: salespeople's big-client courses are more common in the last year than before it.
    const bigClient = (r: TrainingCourseRecord) => /^(大客户|解决方案销售|定制化|行业知识)/.test(r.course);
    const sales = records.filter((r) => corp().getDept(corp().getUser(r.userid)?.dept_id_list[0] ?? 0)?.kind === 'keyAccount');
    const share = (list: TrainingCourseRecord[]) => list.filter(bigClient).length / Math.max(1, list.length);
    expect(share(sales.filter((r) => r.startDay >= today - 120))).toBeGreaterThan(share(sales.filter((r) => r.startDay < today - 365)) + 0.15);
  });

  it('is served as the 培训记录 import file: the template columns, UTF-8 with BOM, one row a course', async () => {
    expect([...TRAINING_CSV_HEADERS]).toEqual(trainingKind.columns.map((c) => c.spec.header));
    const res = await fetch(`${sandbox.handle.url}/sandbox/corps/${CORP.corpId}/training.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(TRAINING_FILE_NAME);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8'); // res.text() would drop the BOM
    const records = generateTraining(corp());
    expect(text).toBe(trainingCsv(records));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFF员工,课程,完成度(%),考试成绩,完成日期');
    expect(lines).toHaveLength(records.length + 2); // the header, and the empty string after the last CRLF
    const done = records.find((r) => r.completedDay !== undefined && r.examScore !== null)!;
    expect(lines).toContain(`${done.userid},${done.course},100,${done.examScore},${dayText(done.completedDay!)}`);
    const open = records.find((r) => r.completedDay === undefined)!;
    expect(lines).toContain(`${open.userid},${open.course},${open.completionPercent},,`);
    expect((await fetch(`${sandbox.handle.url}/sandbox/corps/nope/training.csv`)).status).toBe(404);
  });
});
