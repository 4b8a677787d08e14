/**
 * The CRM rows a portrait is made of, for a whole corp and window at once (no query per person), filtered by the
 * named CRM rules: rows DingTalk deleted never count, cancelled deals never count (sync/queries/crmRows.ts).
 * A deal's segment is its customer's (from all the customer's deals), or its own amount when it has no CRM
 * customer — the rule of the person page's 成交 tab.
 */
import type { DataSource } from 'typeorm';
import type { PersonActivity, PortraitDeal, PortraitFollowUp } from '@liucai/shared';
import { CollaborationEvent, Customer, Deal, FollowUp, SatisfactionScore } from '../../../entities';
import { whereCrmRowPresent, whereDealCounts } from '../../sync/queries/crmRows';
import { shanghaiDate, shanghaiMidnight } from '../../../util/dates';
import { isoOf, selectAs } from '../../people/queries/paging';

/** A person's activity, its lists still being filled. */
export interface MutableActivity extends PersonActivity {
  deals: PortraitDeal[];
  followUps: PortraitFollowUp[];
  collaborations: { on: string; withDepartment: string }[];
  satisfaction: { on: string; scoreTenths: number }[];
}

export interface CorpActivity {
  byPerson: Map<string, MutableActivity>;
  renewalsByCustomer: Map<string, string[]>;
}

const customerKeyOf = (sourceId: string | null, name: string) => sourceId ?? `name:${name}`;

/** Everyone's activity from `from` (yyyy-mm-dd; deals from `dealsFrom`) to `to`, grouped by person. */
export async function loadCorpActivity(
  ds: DataSource,
  corpId: string,
  window: { dealsFrom: string; from: string; to: string },
  bigDealFen: number,
): Promise<CorpActivity> {
  const byPerson: CorpActivity['byPerson'] = new Map();
  const personOf = (userid: string) => {
    let a = byPerson.get(userid);
    if (!a) byPerson.set(userid, (a = { deals: [], followUps: [], collaborations: [], satisfaction: [] }));
    return a;
  };

  // tenancy: customers of the corp, present.
  const customers = await whereCrmRowPresent(
    ds.getRepository(Customer).createQueryBuilder('c').select('c.source_id', 'id').addSelect('c.segment', 'segment').where('c.corp_id = :corpId', { corpId }),
    'c',
  ).getRawMany<{ id: string; segment: string | null }>();
  const segmentOf = new Map(customers.map((c) => [c.id, c.segment]));

  // tenancy: deals of the corp that count.
  const deals = await whereDealCounts(
    selectAs(ds.getRepository(Deal).createQueryBuilder('d'), {
      owner: 'd.owner_userid',
      customer: 'd.customer_source_id',
      name: 'd.customer_name',
      fen: 'd.amount_fen',
      signed: 'd.signed_on',
      renewal: 'd.renewal_years',
    }).where('d.corp_id = :corpId AND d.signed_on >= :from AND d.signed_on <= :to', { corpId, from: window.dealsFrom, to: window.to }),
    'd',
  ).getRawMany<{ owner: string | null; customer: string | null; name: string; fen: number | string; signed: string; renewal: number | string }>();
  const renewalsByCustomer = new Map<string, string[]>();
  for (const d of deals) {
    const key = customerKeyOf(d.customer, d.name);
    const amountFen = Number(d.fen);
    const renewalYears = Number(d.renewal);
    if (renewalYears >= 1) renewalsByCustomer.set(key, [...(renewalsByCustomer.get(key) ?? []), d.signed]);
    if (!d.owner) continue;
    const seg = d.customer ? segmentOf.get(d.customer) : null;
    personOf(d.owner).deals.push({
      customerKey: key,
      segment: seg === 'big' || seg === 'small' ? seg : amountFen >= bigDealFen ? 'big' : 'small',
      amountFen,
      signedOn: d.signed,
      renewalYears,
    });
  }

  // tenancy: follow-ups of the corp, present.
  const follows = await whereCrmRowPresent(
    selectAs(ds.getRepository(FollowUp).createQueryBuilder('f'), { owner: 'f.owner_userid', customer: 'f.customer_source_id', at: 'f.followed_at' }).where(
      'f.corp_id = :corpId AND f.owner_userid IS NOT NULL AND f.followed_at >= :from AND f.followed_at < :to',
      {
        corpId,
        from: new Date(shanghaiMidnight(window.from)),
        to: new Date(shanghaiMidnight(window.to) + 86_400_000),
      },
    ),
    'f',
  ).getRawMany<{ owner: string; customer: string | null; at: Date | string }>();
  for (const f of follows) {
    const at = new Date(isoOf(f.at));
    personOf(f.owner).followUps.push({ customerKey: f.customer, on: shanghaiDate(at), bigCustomer: !!f.customer && segmentOf.get(f.customer) === 'big' });
  }

  // tenancy: collaborations and satisfaction scores of the corp.
  const collabs = await selectAs(ds.getRepository(CollaborationEvent).createQueryBuilder('e'), {
    userid: 'e.userid',
    dept: 'e.with_department',
    day: 'e.occurred_on',
  })
    .where('e.corp_id = :corpId AND e.occurred_on >= :from AND e.occurred_on <= :to', { corpId, from: window.from, to: window.to })
    .getRawMany<{ userid: string; dept: string; day: string }>();
  for (const c of collabs) personOf(c.userid).collaborations.push({ on: c.day, withDepartment: c.dept });
  const scores = await selectAs(ds.getRepository(SatisfactionScore).createQueryBuilder('s'), {
    owner: 's.owner_userid',
    score: 's.score_tenths',
    day: 's.surveyed_on',
  })
    .where('s.corp_id = :corpId AND s.owner_userid IS NOT NULL AND s.surveyed_on >= :from AND s.surveyed_on <= :to', {
      corpId,
      from: window.from,
      to: window.to,
    })
    .getRawMany<{ owner: string; score: number | string; day: string }>();
  for (const s of scores) personOf(s.owner).satisfaction.push({ on: s.day, scoreTenths: Number(s.score) });
  return { byPerson, renewalsByCustomer };
}
