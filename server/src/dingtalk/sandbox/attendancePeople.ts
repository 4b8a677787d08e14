/**
 * The people the attendance APIs know: active employees and people who left (they keep their history up to their
 * last working day), each with the traits that shape their records (employment span, sales or not, how often
 * they take leave or are late, drift). Traits are drawn from the corp seed and the userid only.
 */
import type { SandboxDemoUsers, SandboxDept, SandboxDeparture, SandboxUser } from './corpTypes';
import { driftProfile, isDrifter, isSalesKind, type DriftProfile } from './driftModel';
import { stableUuid, unitOf } from './stableIds';
import { chinaDayNumber } from './workCalendar';

/** What the attendance model reads from a corp (structural, so SandboxCorp can use it without an import cycle). */
export interface AttendanceCorpView {
  readonly corpId: string;
  readonly seed: number;
  /** The corp's "today": clock data ends the day before. */
  readonly asOfMs: number;
  /** Where still-employed drifters' drift peaks. */
  readonly driftReferenceMs: number;
  readonly demoUsers: SandboxDemoUsers;
  readonly users: ReadonlyMap<string, SandboxUser>;
  readonly departures: readonly SandboxDeparture[];
  /** A departure by userid (the latest, should someone have left twice), from the corp's own index. */
  getDeparture(userid: string): SandboxDeparture | undefined;
  getDept(deptId: number): SandboxDept | undefined;
}

/** One person as the attendance model sees them. */
export interface AttendancePerson {
  userid: string;
  /** Day number of the first working day (the hire day). */
  firstDay: number;
  /** Day number of the last working day, for people who left. */
  lastDay?: number;
  /** Works in a sales team (clocks in at customers' sites now and then). */
  sales: boolean;
  workPlace: string;
  /** 0.4 .. 1.6: how often this person takes leave, relative to the average. */
  leaveFactor: number;
  /** 0.3 .. 2: how often this person is late or leaves early, relative to the average; most are punctual. */
  latenessFactor: number;
  /** The phone this person clocks in with. */
  deviceId: string;
  drift?: DriftProfile;
}

/** Resolves userids to people (active, or departed by the corp's index of departures). */
export class AttendancePeople {
  constructor(private readonly corp: AttendanceCorpView) {}

  /** The person behind a userid (active or departed), or undefined for an unknown userid. */
  get(userid: string): AttendancePerson | undefined {
    const active = this.corp.users.get(userid);
    const departure = active ? undefined : this.corp.getDeparture(userid);
    const user = active ?? departure?.user;
    if (!user) return undefined;
    const seed = this.corp.seed;
    const mainDept = this.corp.getDept(user.dept_id_list[0] ?? 1);
    const lastDay = departure ? chinaDayNumber(departure.last_work_day) : undefined;
    const person: AttendancePerson = {
      userid,
      firstDay: chinaDayNumber(user.hired_date),
      sales: isSalesKind(mainDept?.kind),
      workPlace: user.work_place || mainDept?.work_place || '',
      leaveFactor: 0.4 + 1.2 * unitOf([seed, 'leave-factor', userid]),
      latenessFactor: 0.3 + 1.7 * unitOf([seed, 'lateness-factor', userid]) ** 2,
      deviceId: stableUuid([seed, 'device', userid]).replace(/-/g, ''),
    };
    if (lastDay !== undefined) person.lastDay = lastDay;
    // The generated history decided who of its leavers drifted; for everyone else the seed's drift rule does.
    const drifts = departure?.drifted ?? isDrifter(seed, userid, mainDept?.kind, Object.values(this.corp.demoUsers));
    if (drifts) {
      person.drift = driftProfile(seed, userid, lastDay ?? chinaDayNumber(this.corp.driftReferenceMs));
    }
    return person;
  }

  /** Every userid the corp has attendance for: active people, then people who left, each once. */
  allUserids(): string[] {
    const ids = new Set(this.corp.users.keys());
    for (const d of this.corp.departures) ids.add(d.userid);
    return [...ids];
  }
}

/** Userids of the drifters (active and departed), sorted. */
export function driftingUserids(corp: AttendanceCorpView): string[] {
  const people = new AttendancePeople(corp);
  return people
    .allUserids()
    .filter((id) => people.get(id)?.drift !== undefined)
    .sort();
}
