/**
 * Builds one employee record: identity (name, unionid, mobile …) from the PRNG, placement from the caller.
 * Used both by the initial generation and by hires (addUser, advanceMonths), so both look alike.
 */
import type { SandboxUser } from './corpTypes';
import { randomChineseName } from './nameBank';
import type { Prng } from './prng';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

function randomString(prng: Prng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(prng.next() * alphabet.length));
  return out;
}

/** What the caller decides about a new person. */
export interface Placement {
  userid: string;
  corpId: string;
  jobNumber: string;
  title: string;
  deptIds: number[];
  hiredDate: number;
  workPlace: string;
}

/** A new employee at `placement`, identity drawn from `prng`; dept orders are set by the corp. */
export function buildUser(prng: Prng, placement: Placement): SandboxUser {
  const hasEmail = prng.chance(0.8);
  return {
    userid: placement.userid,
    // Looks like DingTalk's unionids (base62, ending in "iE"); unique per corp in practice.
    unionid: `${randomString(prng, BASE62, 26)}iE`,
    name: randomChineseName(prng),
    title: placement.title,
    job_number: placement.jobNumber,
    hired_date: placement.hiredDate,
    dept_id_list: [...placement.deptIds],
    dept_order_list: [],
    admin: false,
    sys_level: 0,
    boss: false,
    active: true,
    avatar: prng.chance(0.7) ? `https://static-legacy.dingtalk.com/media/lADP${randomString(prng, HEX, 24)}_240_240.jpg` : '',
    state_code: '86',
    mobile: `1${prng.pick(['3', '5', '7', '8', '9'])}${randomString(prng, '0123456789', 9)}`,
    hide_mobile: false,
    email: hasEmail ? `${placement.userid}@${placement.corpId}.example.com` : '',
    work_place: placement.workPlace,
    modified_seq: 0,
  };
}

/** Job number in hire order: LC00001, LC00002 … */
export function jobNumber(n: number): string {
  return `LC${String(n).padStart(5, '0')}`;
}

/** Generated userid for the n-th person: u00001 … */
export function generatedUserid(n: number): string {
  return `u${String(n).padStart(5, '0')}`;
}
