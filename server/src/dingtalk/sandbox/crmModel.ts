/**
 * The CRM a sandbox corp serves (doc 5): customers owned by salespeople, contracts (the contract custom object)
 * and follow records (the follow-record custom object). Everything is a pure function of the corp seed, the people
 * (active and departed) and the corp's "today", so two calls agree and a window can be re-read.
 *
 * The story the data tells is the articles': over the transition year before "today" deals shift from small
 * (around 3,000 CNY) to big (10,000 CNY and up), big clients renew more often, some contracts are cancelled,
 * follow-ups now and then bring in people from other departments (technical, customer success, sales support,
 * finance), and salespeople drifting towards leaving follow up less and less.
 */
import { AttendancePeople, type AttendanceCorpView, type AttendancePerson } from './attendancePeople';
import type { DeptKind } from './corpTypes';
import { ONE_DAY_MS } from './corpClock';
import { driftIntensity } from './driftModel';
import { CITIES } from './nameBank';
import { personalCustomersOf } from './crmPersonal';
import { helperPool, pickHelper, pickIn, type Helper, type HelperPool } from './crmHelpers';
import { keyedPrng, stableUuid } from './stableIds';
import { chinaDayNumber, chinaTimeOn } from './workCalendar';

/** Days of history before "today" customers reach back. */
const HISTORY_DAYS = 730;
/** The transition period: the year before "today", over which big deals grow from rare to common. */
const TRANSITION_DAYS = 365;
/** Follow records are kept for this many days before "today" (a sync reads at most this far back). */
export const FOLLOW_HISTORY_DAYS = 400;
/** Departments whose people join salespeople's follow-ups (cross-department collaboration). */
const HELPER_KINDS: ReadonlySet<DeptKind> = new Set<DeptKind>([
  'tech',
  'techBackend',
  'techFrontend',
  'techQa',
  'techProduct',
  'techOps',
  'techData',
  'customerSuccess',
  'salesSupport',
  'finance',
  'finAccounting',
  'finAnalysis',
]);

const NAME_WORDS = '华东 瑞丰 恒信 鼎新 宏达 博远 中联 金桥 安泰 德润 天成 长青 汇通 星辰 海川 聚力 启明 嘉禾 晨光 永泰'.split(' ');
const NAME_TRADES = '精密制造 物流 科技 医疗器械 食品 建材 电子 环保 教育咨询 零售连锁 汽车零部件 包装 化工 软件 家居'.split(' ');
const FOLLOW_TYPES = ['电话', '拜访', '微信', '会议', '邮件'] as const;

/** A CRM customer (crm_customer). */
export interface CrmCustomer {
  instanceId: string;
  name: string;
  /** Userid of the salesperson who created and owns it; null for customers in the public pool (公海). */
  owner: string | null;
  creator: string;
  createMs: number;
  modifyMs: number;
}

/** A contract (the contract custom object). Amounts in fen; `renewalYears` > 0 marks a renewal. */
export interface CrmContract {
  instanceId: string;
  customerId: string;
  customerName: string;
  /** Null for the few contracts whose owner was never filled in. */
  owner: string | null;
  creator: string;
  amountFen: number;
  signMs: number;
  renewalYears: number;
  status: 'active' | 'completed' | 'cancelled';
  createMs: number;
  modifyMs: number;
}

/** A follow record (the follow-record custom object). */
export interface CrmFollowRecord {
  instanceId: string;
  customerId: string;
  owner: string;
  /** People who joined the follow-up (usually from other departments). */
  participants: string[];
  followMs: number;
  type: (typeof FOLLOW_TYPES)[number];
  createMs: number;
  modifyMs: number;
}

/** Everything the CRM endpoints serve for one corp, each list in the order it is paged (oldest first, then id). */
export interface CrmData {
  customers: CrmCustomer[];
  /** Personal customers (crm_customer_personal): individuals, listed apart from the enterprise customers. */
  personalCustomers: CrmCustomer[];
  contracts: CrmContract[];
  followRecords: CrmFollowRecord[];
}

/** What the CRM model reads from a corp. */
export interface CrmCorpView extends AttendanceCorpView {
  readonly departments: ReadonlyMap<number, { dept_id: number; kind: DeptKind }>;
}

const byTimeThenId = <T extends { createMs: number; instanceId: string }>(a: T, b: T) =>
  a.createMs - b.createMs || (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0);

/**
 * What kind of salesperson someone is, which shapes their book (the articles' 20 salespeople: some already sell to
 * big clients, keep them for years and pull in colleagues from other departments; others only ever sold small):
 * - `veteran` (大客户老手): more customers, mostly big, followed up every 1-2 weeks, colleagues from other
 *   departments on half of those follow-ups, renewals nearly always;
 * - `growing`: the company's average, moving towards big clients over the transition year;
 * - `smallClient`: small clients only, rarely anyone from another department, renewals about half the time.
 * Veterans have been here a while (none in their first year); key-account people are more often veterans.
 */
export type SellerProfile = 'veteran' | 'growing' | 'smallClient';

interface ProfileTraits {
  customers: readonly [number, number];
  /** Chance a deal is big at the start and at the end of the transition year. */
  bigFrom: number;
  bigTo: number;
  /** Days between follow-ups of a big and of a small client. */
  bigFollowDays: readonly [number, number];
  smallFollowDays: readonly [number, number];
  /** Chance someone from another department joins a follow-up of a big and of a small client. */
  bigCollab: number;
  smallCollab: number;
  /** Chance a contract is renewed at its term's end, big and small clients. */
  bigRenewal: number;
  smallRenewal: number;
}

const TRAITS: Record<SellerProfile, { keyAccount: ProfileTraits; other: ProfileTraits }> = {
  veteran: {
    keyAccount: {
      customers: [6, 9],
      bigFrom: 0.3,
      bigTo: 0.9,
      bigFollowDays: [5, 14],
      smallFollowDays: [14, 30],
      bigCollab: 0.5,
      smallCollab: 0.2,
      bigRenewal: 0.92,
      smallRenewal: 0.75,
    },
    other: {
      customers: [7, 12],
      bigFrom: 0.12,
      bigTo: 0.8,
      bigFollowDays: [5, 14],
      smallFollowDays: [14, 30],
      bigCollab: 0.5,
      smallCollab: 0.2,
      bigRenewal: 0.92,
      smallRenewal: 0.75,
    },
  },
  growing: {
    keyAccount: {
      customers: [4, 7],
      bigFrom: 0.3,
      bigTo: 0.8,
      bigFollowDays: [7, 20],
      smallFollowDays: [14, 40],
      bigCollab: 0.45,
      smallCollab: 0.2,
      bigRenewal: 0.92,
      smallRenewal: 0.85,
    },
    other: {
      customers: [6, 12],
      bigFrom: 0.04,
      bigTo: 0.34,
      bigFollowDays: [7, 20],
      smallFollowDays: [14, 40],
      bigCollab: 0.45,
      smallCollab: 0.2,
      bigRenewal: 0.92,
      smallRenewal: 0.85,
    },
  },
  smallClient: {
    keyAccount: {
      customers: [4, 7],
      bigFrom: 0.05,
      bigTo: 0.15,
      bigFollowDays: [10, 30],
      smallFollowDays: [20, 50],
      bigCollab: 0.15,
      smallCollab: 0.05,
      bigRenewal: 0.7,
      smallRenewal: 0.55,
    },
    other: {
      customers: [6, 12],
      bigFrom: 0.01,
      bigTo: 0.06,
      bigFollowDays: [10, 30],
      smallFollowDays: [20, 50],
      bigCollab: 0.15,
      smallCollab: 0.05,
      bigRenewal: 0.7,
      smallRenewal: 0.55,
    },
  },
};

/** The salesperson's profile: a pure function of the seed, the person and their tenure on "today". */
export function sellerProfile(seed: number, person: Pick<AttendancePerson, 'userid' | 'firstDay'>, today: number, keyAccount: boolean): SellerProfile {
  const u = keyedPrng([seed, 'crm-profile', person.userid]).next();
  const years = (today - person.firstDay) / 365;
  const veteran = years < 1 ? 0 : years < 2 ? (keyAccount ? 0.35 : 0.2) : keyAccount ? 0.6 : 0.35;
  const small = keyAccount ? 0.15 : 0.3;
  return u < veteran ? 'veteran' : u < veteran + small ? 'smallClient' : 'growing';
}

/**
 * Share of the key-account veterans (still employed, not drifting) who are the sales floor's steadiest: besides their
 * book they close a key-account deal with one of their existing clients every month of the transition year (an
 * expansion, 250,000-400,000 CNY), so their months do not depend on when renewals happen to fall.
 */
const STEADY_SHARE = 0.5;

/** Whether a salesperson is one of the steady key-account closers: a pure function of the seed, the person and the profile. */
export function steadyCloser(
  seed: number,
  person: Pick<AttendancePerson, 'userid' | 'lastDay' | 'drift'>,
  profile: SellerProfile,
  keyAccount: boolean,
): boolean {
  if (!keyAccount || profile !== 'veteran' || person.lastDay !== undefined || person.drift !== undefined) return false;
  return keyedPrng([seed, 'crm-steady', person.userid]).next() < STEADY_SHARE;
}

/** Chance that a deal signed on `day` is big: rises over the transition year, by the salesperson's profile. */
function bigDealChance(day: number, today: number, traits: ProfileTraits): number {
  const progress = Math.min(1, Math.max(0, 1 - (today - day) / TRANSITION_DAYS));
  return traits.bigFrom + (traits.bigTo - traits.bigFrom) * progress;
}

/** A deal amount in fen: small 1,500-2,990 CNY, in between 3,000-9,900, big 10,000-200,000 (rounded like real quotes). */
function dealAmountFen(kind: 'small' | 'mid' | 'big', u: number): number {
  if (kind === 'small') return (1500 + Math.floor(u * 150) * 10) * 100;
  if (kind === 'mid') return (3000 + Math.floor(u * 70) * 100) * 100;
  return Math.round((10000 * 20 ** u) / 500) * 500 * 100;
}

/** The first day of each calendar month (China time) whose days overlap [from, until], as day numbers. */
function monthStarts(from: number, until: number): number[] {
  const first = new Date(from * ONE_DAY_MS);
  const starts: number[] = [];
  for (let i = 0; ; i++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1) / ONE_DAY_MS;
    if (start > until) return starts;
    starts.push(start);
  }
}

function customerName(seed: number, id: string): string {
  const p = keyedPrng([seed, 'crm-name', id]);
  return `${p.pick(CITIES)}${p.pick(NAME_WORDS)}${p.pick(NAME_TRADES)}有限公司`;
}

/** Generate the corp's CRM. Cost grows with salespeople × customers; callers cache it (see crmDataOf). */
export function generateCrm(corp: CrmCorpView): CrmData {
  const people = new AttendancePeople(corp);
  const today = chinaDayNumber(corp.asOfMs);
  const lastDataDay = today - 1;
  const seed = corp.seed;
  const departed = new Map(corp.departures.map((d) => [d.userid, d.user]));
  const all = people
    .allUserids()
    .sort()
    .flatMap((id) => {
      const person = people.get(id);
      const user = corp.users.get(id) ?? departed.get(id);
      const deptId = user?.dept_id_list[0] ?? 1;
      return person ? [{ person, deptId, kind: corp.departments.get(deptId)?.kind }] : [];
    });
  const helpers = helperPool(
    all
      .filter((p) => p.kind !== undefined && HELPER_KINDS.has(p.kind))
      .map((p) => ({ userid: p.person.userid, firstDay: p.person.firstDay, lastDay: p.person.lastDay, deptId: p.deptId, drift: p.person.drift })),
  );
  const teammates = new Map<number, Helper[]>();
  for (const p of all) {
    const list = teammates.get(p.deptId) ?? [];
    list.push({ userid: p.person.userid, firstDay: p.person.firstDay, lastDay: p.person.lastDay, deptId: p.deptId, drift: p.person.drift });
    teammates.set(p.deptId, list);
  }

  // Who took over the customers of someone who left (离职继承): the handover person DingTalk's dismission names.
  const successors = new Map(corp.departures.map((d) => [d.userid, d.handover_userid]));
  const data: CrmData = { customers: [], personalCustomers: [], contracts: [], followRecords: [] };
  for (const { person, deptId, kind } of all) {
    if (!person.sales) continue;
    const keyAccount = kind === 'keyAccount';
    const successor = person.lastDay === undefined ? undefined : successors.get(person.userid);
    sellerBook(seed, person, successor, keyAccount, today, lastDataDay, data, helpers, teammates.get(deptId) ?? []);
    data.personalCustomers.push(
      ...personalCustomersOf(seed, person, Math.max(person.firstDay, today - HISTORY_DAYS), Math.min(person.lastDay ?? lastDataDay, lastDataDay)),
    );
  }
  data.customers.sort(byTimeThenId);
  data.personalCustomers.sort(byTimeThenId);
  data.contracts.sort(byTimeThenId);
  data.followRecords.sort(byTimeThenId);
  return data;
}

/**
 * One salesperson's customers, their contracts and follow-ups. Everything the salesperson did lies within their
 * employment; when they leave, their customers pass to `successor` (who owns them from then on and signs their
 * renewals and upsells), or, with nobody to take over, renew no more.
 */
function sellerBook(
  seed: number,
  person: AttendancePerson,
  successor: string | undefined,
  keyAccount: boolean,
  today: number,
  lastDataDay: number,
  data: CrmData,
  helpers: HelperPool,
  team: readonly Helper[],
): void {
  const userid = person.userid;
  const p = keyedPrng([seed, 'crm-book', userid]);
  const profile = sellerProfile(seed, person, today, keyAccount);
  const traits = TRAITS[profile][keyAccount ? 'keyAccount' : 'other'];
  /** The salesperson's own clients (not in the public pool), for a steady closer's monthly expansions. */
  const clients: { id: string; name: string; createDay: number }[] = [];
  const from = Math.max(person.firstDay, today - HISTORY_DAYS);
  const until = Math.min(person.lastDay ?? lastDataDay, lastDataDay);
  if (until - from < 20) return;
  const count = p.int(traits.customers[0], traits.customers[1]);
  // Someone who joined within the history opens a third of their accounts in their first month (a starter book).
  const starters = person.firstDay >= today - HISTORY_DAYS ? Math.ceil(count / 3) : 0;
  for (let i = 0; i < count; i++) {
    const createDay = from + Math.floor(p.next() * (i < starters ? Math.min(30, until - from - 10) : until - from - 10));
    const id = stableUuid([seed, 'crm-customer', userid, i]);
    const name = customerName(seed, id);
    const pooled = p.chance(0.03);
    const createMs = chinaTimeOn(createDay, 9 + p.int(0, 8), p.int(0, 59));
    const customer: CrmCustomer = { instanceId: id, name, owner: pooled ? null : userid, creator: userid, createMs, modifyMs: createMs };
    if (person.lastDay !== undefined && person.lastDay < lastDataDay && !pooled) {
      // Handed over the morning after the last day (to nobody: the customer goes back to the public pool).
      Object.assign(customer, { owner: successor ?? null, modifyMs: chinaTimeOn(person.lastDay + 1, 9) });
    }
    data.customers.push(customer);
    /** Who serves the customer on `day`: the salesperson while employed, then their successor (undefined: nobody). */
    const heir = pooled ? undefined : successor;
    const signerOn = (day: number): string | undefined => (day <= until ? userid : heir);
    if (!pooled) clients.push({ id, name, createDay });

    // Contracts: a first one soon after the customer is created, then renewals at each term's end, now and then an upsell.
    let big = false;
    let signDay = createDay + p.int(3, 40);
    let renewalYears = 0;
    for (let n = 0; signDay <= lastDataDay && n < 8; n++) {
      const signer = signerOn(signDay);
      if (signer === undefined) break;
      const kind = p.chance(bigDealChance(signDay, today, traits)) ? 'big' : p.chance(0.25) ? 'mid' : 'small';
      big = big || kind === 'big';
      const cancelled = p.chance(0.06);
      const term = Math.max(1, renewalYears) * 365;
      const signMs = chinaTimeOn(signDay, 10, p.int(0, 59));
      const endDay = signDay + term;
      const cancelDay = Math.min(lastDataDay, signDay + p.int(5, 60));
      const contractId = stableUuid([seed, 'crm-contract', id, n]);
      data.contracts.push({
        instanceId: contractId,
        customerId: id,
        customerName: name,
        owner: p.chance(0.015) ? null : signer,
        creator: signer,
        amountFen: dealAmountFen(kind, p.next()),
        signMs,
        renewalYears,
        status: cancelled ? 'cancelled' : endDay <= lastDataDay ? 'completed' : 'active',
        createMs: signMs,
        modifyMs: cancelled ? chinaTimeOn(cancelDay, 15) : endDay <= lastDataDay ? chinaTimeOn(endDay, 0, 5) : signMs,
      });
      if (!cancelled && p.chance(0.12)) {
        // An upsell within the term: a second contract, not a renewal.
        const upsellDay = signDay + p.int(30, 200);
        const upseller = signerOn(upsellDay);
        if (upsellDay <= lastDataDay && upseller !== undefined) {
          const upsellMs = chinaTimeOn(upsellDay, 11);
          data.contracts.push({
            instanceId: stableUuid([seed, 'crm-upsell', id, n]),
            customerId: id,
            customerName: name,
            owner: upseller,
            creator: upseller,
            amountFen: dealAmountFen(p.chance(0.5) ? 'mid' : 'big', p.next()),
            signMs: upsellMs,
            renewalYears: 0,
            status: upsellDay + 365 <= lastDataDay ? 'completed' : 'active',
            createMs: upsellMs,
            modifyMs: upsellDay + 365 <= lastDataDay ? chinaTimeOn(upsellDay + 365, 0, 5) : upsellMs,
          });
        }
      }
      // Renewal at the term's end (big clients renew more), for 1-3 years; a cancelled contract is not renewed.
      if (cancelled || !p.chance(big ? traits.bigRenewal : traits.smallRenewal)) break;
      renewalYears = p.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const);
      signDay = endDay;
    }

    // Follow-ups every 1-7 weeks (big clients more often) while the owner works here, then by their successor;
    // drifters skip more and more. A few customers are never followed up (a gap HR should see).
    if (p.chance(0.04)) continue;
    const followFrom = Math.max(createDay, today - FOLLOW_HISTORY_DAYS);
    const followUntil = heir === undefined ? until : lastDataDay;
    for (let day = followFrom + p.int(1, 14), k = 0; day <= followUntil; day += big ? p.int(...traits.bigFollowDays) : p.int(...traits.smallFollowDays), k++) {
      const owner = day <= until ? userid : heir!;
      if (p.next() < 0.8 * (owner === userid ? driftIntensity(person.drift, day) : 0)) continue;
      const followMs = chinaTimeOn(day, 9 + p.int(0, 9), p.int(0, 59));
      const participants: string[] = [];
      const recordKey = `${seed}:crm-follow:${id}:${k}`;
      if (p.chance(big ? traits.bigCollab : traits.smallCollab)) {
        const helper = pickHelper(helpers, day, recordKey);
        if (helper !== undefined && helper !== owner) participants.push(helper);
        if (p.chance(0.25)) {
          const second = pickHelper(helpers, day, `${recordKey}:2`);
          if (second !== undefined && second !== owner && !participants.includes(second)) participants.push(second);
        }
      }
      if (p.chance(0.05)) {
        // A teammate from the owner's own department joins: collaboration, but not across departments.
        const mate = pickIn(
          team.filter((t) => t.userid !== userid && t.userid !== owner),
          day,
          `${recordKey}:team`,
        );
        if (mate !== undefined) participants.push(mate);
      }
      data.followRecords.push({
        instanceId: stableUuid([seed, 'crm-follow', id, k]),
        customerId: id,
        owner,
        participants,
        followMs,
        type: p.pick(FOLLOW_TYPES),
        createMs: followMs + 20 * 60_000,
        modifyMs: followMs + 20 * 60_000,
      });
    }
  }
  if (steadyCloser(seed, person, profile, keyAccount)) steadyDeals(seed, userid, clients, Math.max(from, today - TRANSITION_DAYS), until, lastDataDay, data);
}

/**
 * A steady closer's key-account expansions: in every calendar month from `from` to `until`, one contract (not a
 * renewal) with a client they already had for a month or more, signed between the 2nd and the 25th. Drawn from a
 * stream of its own, so the rest of the book is the same with or without them.
 */
function steadyDeals(
  seed: number,
  userid: string,
  clients: readonly { id: string; name: string; createDay: number }[],
  from: number,
  until: number,
  lastDataDay: number,
  data: CrmData,
): void {
  const q = keyedPrng([seed, 'crm-steady-deals', userid]);
  for (const start of monthStarts(from, until)) {
    const signDay = start + q.int(1, 24);
    const amountFen = (250_000 + q.int(0, 30) * 5_000) * 100;
    const open = clients.filter((c) => c.createDay <= signDay - 30);
    if (open.length === 0 || signDay < from || signDay > until) continue;
    const { id, name } = q.pick(open);
    const signMs = chinaTimeOn(signDay, 14, q.int(0, 59));
    const ends = signDay + 365 <= lastDataDay;
    data.contracts.push({
      instanceId: stableUuid([seed, 'crm-steady', id, start]),
      customerId: id,
      customerName: name,
      owner: userid,
      creator: userid,
      amountFen,
      signMs,
      renewalYears: 0,
      status: ends ? 'completed' : 'active',
      createMs: signMs,
      modifyMs: ends ? chinaTimeOn(signDay + 365, 0, 5) : signMs,
    });
  }
}

/** Generated data per corp state, and what is served: the generated data less the records deleted (undefined: to redo). */
const cache = new WeakMap<object, { key: string; generated: CrmData; served: CrmData | undefined }>();
/** Instance ids deleted in a corp's CRM (customers, contracts or follow records); they survive regeneration. */
const deletedIds = new WeakMap<object, Set<string>>();

/** The corp's CRM, generated once per corp state (people, "today", drift reference) and reused, less deleted records. */
export function crmDataOf(corp: CrmCorpView): CrmData {
  // Hires only add people and departures only add records, so the two counts tell when the people changed.
  const key = `${corp.seed}:${corp.asOfMs}:${corp.driftReferenceMs}:${corp.users.size}:${corp.departures.length}`;
  let hit = cache.get(corp);
  if (!hit || hit.key !== key) {
    hit = { key, generated: generateCrm(corp), served: undefined };
    cache.set(corp, hit);
  }
  if (!hit.served) {
    const gone = deletedIds.get(corp) ?? new Set<string>();
    const keep = <T extends { instanceId: string }>(list: T[]) => (gone.size === 0 ? list : list.filter((r) => !gone.has(r.instanceId)));
    const g = hit.generated;
    // A new object each time, so query results cached per dataset (crmRoutes) are not served stale.
    hit.served = {
      customers: keep(g.customers),
      personalCustomers: keep(g.personalCustomers),
      contracts: keep(g.contracts),
      followRecords: keep(g.followRecords),
    };
  }
  return hit.served;
}

/**
 * Delete a customer, contract or follow record from the corp's CRM (as a user deleting it in DingTalk would; the
 * list APIs then simply stop listing it), or with `deleted` false bring it back. Returns false for an unknown id.
 */
export function setCrmRecordDeleted(corp: CrmCorpView, instanceId: string, deleted: boolean): boolean {
  crmDataOf(corp);
  const hit = cache.get(corp)!;
  const g = hit.generated;
  const known = [g.customers, g.personalCustomers, g.contracts, g.followRecords].some((list) => list.some((r) => r.instanceId === instanceId));
  if (!known) return false;
  const gone = deletedIds.get(corp) ?? new Set<string>();
  deletedIds.set(corp, gone);
  if (deleted) gone.add(instanceId);
  else gone.delete(instanceId);
  hit.served = undefined;
  return true;
}
