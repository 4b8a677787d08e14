/**
 * DingTalk's monthly metered quota as arithmetic: what an edition covers (API calls and Webhook&Stream events, both
 * shared by all of an organisation's apps), and, given a forecast of a month's spend per line, whether it fits,
 * what to turn down, and which edition would cover it. The quota figures themselves are DingTalk facts and come in
 * as a catalogue (server/src/dingtalk/wireFacts.ts), so a change on DingTalk's side is one edit there.
 */
import { formatCount } from './glossary';
import { zh } from './zhText';

export type DingTalkEdition = 'standard' | 'professional' | 'professional-legacy';

/** A month's allowance or spend: metered API calls and Webhook&Stream events. */
export interface Quota {
  apiCalls: number;
  events: number;
}

/** What each edition and purchase gives a month. */
export interface QuotaCatalog {
  /** 标准版: the whole organisation's monthly quota. */
  standard: Quota;
  /** 专业版 (new contracts): what each 应用开发 entitlement gives. */
  professionalEntitlement: Quota;
  /** One add-on pack (扩展包). */
  addOnPack: Quota;
  /** 专业版 on an older contract. */
  professionalLegacy: Quota;
}

/** Which edition the organisation has, and what it bought on top. */
export interface EditionSettings {
  edition: DingTalkEdition;
  /** 专业版 应用开发 entitlements (ignored for the other editions). */
  entitlements: number;
  addOnPacks: number;
}

const add = (a: Quota, b: Quota): Quota => ({ apiCalls: a.apiCalls + b.apiCalls, events: a.events + b.events });
const times = (q: Quota, n: number): Quota => ({ apiCalls: q.apiCalls * n, events: q.events * n });

/** The monthly quota of an edition with its entitlements and add-on packs. */
export function editionQuota(catalog: QuotaCatalog, s: EditionSettings): Quota {
  const base =
    s.edition === 'standard'
      ? catalog.standard
      : s.edition === 'professional-legacy'
        ? catalog.professionalLegacy
        : times(catalog.professionalEntitlement, Math.max(1, s.entitlements));
  return add(base, times(catalog.addOnPack, Math.max(0, s.addOnPacks)));
}

/** `标准版`, `专业版（2 个应用开发权益）`, `专业版（旧合同）`, each with `+ 1 个扩展包` when bought. */
export function editionLabel(s: EditionSettings): string {
  const base =
    s.edition === 'standard' ? '标准版' : s.edition === 'professional-legacy' ? '专业版（旧合同）' : `专业版（${Math.max(1, s.entitlements)} 个应用开发权益）`;
  return s.addOnPacks > 0 ? `${base} + ${s.addOnPacks} 个扩展包` : base;
}

/** Entitlements past this many are priced worse than an add-on pack, so the suggestion switches to packs. */
const MAX_SUGGESTED_ENTITLEMENTS = 5;

/** The smallest purchase that covers `need`: 标准版, else 专业版 with enough entitlements, else add-on packs. */
export function planThatFits(catalog: QuotaCatalog, need: Quota): EditionSettings {
  const covers = (q: Quota) => q.apiCalls >= need.apiCalls && q.events >= need.events;
  if (covers(catalog.standard)) return { edition: 'standard', entitlements: 0, addOnPacks: 0 };
  const per = catalog.professionalEntitlement;
  const k = Math.max(1, Math.ceil(need.apiCalls / per.apiCalls), Math.ceil(need.events / per.events));
  if (k <= MAX_SUGGESTED_ENTITLEMENTS) return { edition: 'professional', entitlements: k, addOnPacks: 0 };
  const rest = { apiCalls: Math.max(0, need.apiCalls - per.apiCalls), events: Math.max(0, need.events - per.events) };
  const packs = Math.max(1, Math.ceil(rest.apiCalls / catalog.addOnPack.apiCalls), Math.ceil(rest.events / catalog.addOnPack.events));
  return { edition: 'professional', entitlements: 1, addOnPacks: packs };
}

/** One line of a month's forecast. */
export interface ForecastLine {
  id: 'org' | 'attendance' | 'leave' | 'departures' | 'crm' | 'checkEvents' | 'approvalEvents' | 'notify';
  label: string;
  apiCalls: number;
  events: number;
  /** How the figure was reached, in words. */
  basis: string;
  /** False for something not in use (an event not subscribed): shown as what it would cost, left out of the sum. */
  counted: boolean;
  /** How to spend less on this line, when anything can be done; null otherwise. */
  turnDown: string | null;
}

/** The forecast's sum, whether the edition covers it, and what to do when it does not. */
export interface ForecastVerdict {
  need: Quota;
  fits: boolean;
  /** One sentence for the top of the card. */
  summary: string;
  /** What to turn down, biggest first, then which edition would cover the month. */
  advice: string[];
  /** The smallest purchase that covers the month as forecast; null when the current edition does. */
  fittingPlan: (EditionSettings & { label: string; quota: Quota }) | null;
}

/** Sum the counted lines, compare with `quota`, and say what to do. */
export function judgeForecast(lines: ForecastLine[], quota: Quota, catalog: QuotaCatalog, current: EditionSettings): ForecastVerdict {
  const counted = lines.filter((l) => l.counted);
  const need = counted.reduce<Quota>((q, l) => add(q, { apiCalls: l.apiCalls, events: l.events }), { apiCalls: 0, events: 0 });
  const overCalls = need.apiCalls > quota.apiCalls;
  const overEvents = need.events > quota.events;
  const fits = !overCalls && !overEvents;
  const label = editionLabel(current);
  const month = `一个月约需计量调用 ${formatCount(need.apiCalls)} 次、事件推送 ${formatCount(need.events)} 条`;
  if (fits) {
    return {
      need,
      fits,
      summary: zh`按现在的人数与设置，${month}，在${label}每月额度（${formatCount(quota.apiCalls)} 次、${formatCount(quota.events)} 条）之内。`,
      advice: [],
      fittingPlan: null,
    };
  }
  const over = [
    overCalls ? `调用超出 ${formatCount(need.apiCalls - quota.apiCalls)} 次` : null,
    overEvents ? `事件超出 ${formatCount(need.events - quota.events)} 条` : null,
  ]
    .filter(Boolean)
    .join('，');
  const advice = counted
    .filter((l) => l.turnDown !== null && ((overCalls && l.apiCalls > 0) || (overEvents && l.events > 0)))
    .sort(
      (a, b) =>
        b.apiCalls / Math.max(1, quota.apiCalls) +
        b.events / Math.max(1, quota.events) -
        (a.apiCalls / Math.max(1, quota.apiCalls) + a.events / Math.max(1, quota.events)),
    )
    .map((l) => `${l.label}：${l.turnDown}`);
  const plan = planThatFits(catalog, need);
  const planLabel = editionLabel(plan);
  advice.push(
    zh`或升级：${planLabel}每月 ${formatCount(editionQuota(catalog, plan).apiCalls)} 次调用、${formatCount(editionQuota(catalog, plan).events)} 条事件，可覆盖这个用量。`,
  );
  return {
    need,
    fits,
    summary: zh`按现在的人数与设置，${month}，超出${label}每月额度（${over}）：超出后钉钉拒绝计量接口，同步会停在当月额度用完处。`,
    advice,
    fittingPlan: { ...plan, label: planLabel, quota: editionQuota(catalog, plan) },
  };
}
