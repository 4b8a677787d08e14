import type { DataSource } from 'typeorm';
import { Departure, User } from '../../entities';
import type { Actor } from '../../appTypes';
import { peopleScopeOf, whereInPeopleScope } from '../people/policies/peopleScope';

/** A person a cell named, resolved against the corp's users. */
export interface Person {
  userid: string;
  name: string | null;
  mainDeptId: number | null;
  /** False when the id was kept as written because no user has it (departures only). */
  known: boolean;
}

type Found = { ok: true; person: Person } | { ok: false; ambiguous: boolean; message: string };

interface Entry {
  userid: string;
  name: string;
  jobNumber: string | null;
  status: string;
  mainDeptId: number | null;
}

function describe(e: Entry): string {
  return `${e.name}（钉钉账号 ${e.userid}${e.jobNumber ? `，工号 ${e.jobNumber}` : ''}${e.status === 'left' ? '，已离职' : ''}）`;
}

/** Whose rows the importer may write: everyone (admin) or the people of its scope, known up front. */
export type ImportScope = { all: true } | { all: false; userids: ReadonlySet<string> };

/**
 * The corp's people (active and left), loaded once per import and looked up by userid, then 工号, then exact name.
 * A name several people share is an error naming each of them, never a guess. People who left before any org sync
 * saw them are known from their departure records (DingTalk's 离职记录 or an import of them), by userid and name.
 */
export class PersonDirectory {
  private readonly byUserid = new Map<string, Entry>();
  private readonly byJobNumber = new Map<string, Entry[]>();
  private readonly byName = new Map<string, Entry[]>();

  constructor(
    entries: Entry[],
    /** Whose rows the importer may write (default: everyone). */
    readonly scope: ImportScope = { all: true },
  ) {
    for (const e of entries) {
      this.byUserid.set(e.userid, e);
      if (e.jobNumber) push(this.byJobNumber, e.jobNumber, e);
      if (e.name.trim()) push(this.byName, e.name.trim(), e);
    }
  }

  /**
   * Load every user of the corp, active or left, and which of them the importer may write rows about: the same
   * people scope as everywhere (peopleScopeOf), asked once for the whole import in one query, never per row.
   */
  static async load(ds: DataSource, actor: Actor): Promise<PersonDirectory> {
    const users = await ds
      .getRepository(User)
      .find({ where: { corpId: actor.corpId }, select: { userid: true, name: true, jobNumber: true, status: true, mainDeptId: true } });
    const entries: Entry[] = users.map((u) => ({ ...u, mainDeptId: u.mainDeptId === null ? null : Number(u.mainDeptId) }));
    // tenancy: the corp's departures; the latest record of someone no user row holds (the org sync never saw them).
    const known = new Set(entries.map((e) => e.userid));
    const departed = await ds
      .getRepository(Departure)
      .find({ where: { corpId: actor.corpId }, select: { userid: true, name: true, mainDeptId: true, lastDay: true } });
    const leavers = new Map<string, Entry>();
    for (const d of departed.sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : 0))) {
      if (known.has(d.userid)) continue;
      leavers.set(d.userid, {
        userid: d.userid,
        name: d.name ?? '',
        jobNumber: null,
        status: 'left',
        mainDeptId: d.mainDeptId === null ? null : Number(d.mainDeptId),
      });
    }
    entries.push(...leavers.values());
    const scope = await peopleScopeOf(ds, actor);
    if (scope.all) return new PersonDirectory(entries, { all: true });
    // tenancy: whereInPeopleScope adds u.corp_id = the actor's corp.
    const qb = ds.getRepository(User).createQueryBuilder('u').select('u.userid', 'userid');
    const visible: { userid: string }[] = await whereInPeopleScope(qb, 'u', scope).getRawMany();
    return new PersonDirectory(entries, { all: false, userids: new Set(visible.map((v) => v.userid)) });
  }

  /** True when the importer may write rows about this person (always for an admin). */
  inScope(userid: string): boolean {
    return this.scope.all || this.scope.userids.has(userid);
  }

  /** People the importer may write about, active first, for template examples (deterministic order). */
  examplePeople(exclude: string): { userid: string; name: string; label: string }[] {
    return [...this.byUserid.values()]
      .filter((e) => e.status === 'active' && e.userid !== exclude && this.inScope(e.userid))
      .sort((a, b) => (a.userid < b.userid ? -1 : a.userid > b.userid ? 1 : 0))
      .map((e) => ({
        userid: e.userid,
        name: e.name,
        label: this.byName.get(e.name.trim())?.length === 1 ? e.name : e.jobNumber && this.byJobNumber.get(e.jobNumber)?.length === 1 ? e.jobNumber : e.userid,
      }));
  }

  /** Resolve a userid, 工号 or exact name. */
  find(text: string): Found {
    const key = text.trim();
    const byId = this.byUserid.get(key);
    if (byId) return found(byId);
    for (const [list, what] of [
      [this.byJobNumber.get(key), '工号'],
      [this.byName.get(key), '姓名'],
    ] as const) {
      if (!list?.length) continue;
      if (list.length === 1) return found(list[0]!);
      return {
        ok: false,
        ambiguous: true,
        message: `${what}“${key}”对应 ${list.length} 人：${list.map(describe).join('、')}；请改填钉钉账号或工号`,
      };
    }
    return { ok: false, ambiguous: false, message: `找不到员工“${key}”：应为通讯录中的钉钉账号、工号或完整姓名` };
  }
}

function push(map: Map<string, Entry[]>, key: string, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function found(e: Entry): { ok: true; person: Person } {
  return { ok: true, person: { userid: e.userid, name: e.name || null, mainDeptId: e.mainDeptId, known: true } };
}
