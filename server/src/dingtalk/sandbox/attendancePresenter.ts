/**
 * Attendance outcomes as DingTalk sends them: /attendance/list rows (doc 4.1, one per scheduled check) and
 * /attendance/listRecord raw clock records (doc 4.2, one per actual clock, with where and how it was made).
 * Ids are derived from (corp, seed, person, day, check), so the same check always has the same ids.
 */
import type { AttendancePerson } from './attendancePeople';
import type { CheckOutcome, CheckType, LocationResult, SourceType, TimeResult } from './attendanceDays';
import { customerSiteNear, jitter, officeOf } from './officeSites';
import { keyedPrng, stableNumericId, stableUuid } from './stableIds';
import { dayStartMs } from './workCalendar';

/** One /attendance/list row. */
export interface AttendanceResultRow {
  id: number;
  groupId: number;
  planId: number;
  /** The raw clock record behind the result; absent when nobody clocked (NotSigned, APPROVE). */
  recordId?: number;
  workDate: number;
  userId: string;
  checkType: CheckType;
  sourceType: SourceType;
  timeResult: TimeResult;
  locationResult: LocationResult;
  baseCheckTime: number;
  /** Absent for NotSigned. */
  userCheckTime?: number;
  corpId: string;
  isLegal: 'Y' | 'N';
  approveId?: number;
  procInstId?: string;
}

/** One /attendance/listRecord raw clock record. */
export interface RawClockRecord {
  id: number;
  groupId: number;
  planId: number;
  workDate: number;
  userId: string;
  checkType: CheckType;
  sourceType: SourceType;
  timeResult: TimeResult;
  locationResult: LocationResult;
  baseCheckTime: number;
  userCheckTime: number;
  planCheckTime: number;
  corpId: string;
  isLegal: 'Y' | 'N';
  locationMethod: 'MAP' | 'WIFI' | 'ATM';
  userAddress: string;
  userLatitude: number;
  userLongitude: number;
  userAccuracy: number;
  deviceId: string;
  deviceSN?: string;
  userSsid?: string;
  userMacAddr?: string;
  outsideRemark?: string;
  baseAddress: string;
  baseLatitude: number;
  baseLongitude: number;
  baseAccuracy: number;
  gmtCreate: number;
  gmtModified: number;
}

/** Where a check is presented: the corp, its seed, the person and the day. */
export interface CheckContext {
  corpId: string;
  seed: number;
  person: AttendancePerson;
  day: number;
}

/** Office clock-in radius, metres. */
const BASE_ACCURACY = 300;
const OUTSIDE_REMARKS = ['拜访客户', '客户现场支持', '外出洽谈', '参加客户会议'];

const idKey = (c: CheckContext, what: string, check: CheckType): (string | number)[] => [c.corpId, c.seed, what, c.person.userid, c.day, check];
const groupIdOf = (c: CheckContext): number => stableNumericId([c.corpId, c.seed, 'group', c.person.workPlace], 9);
const isLegal = (o: CheckOutcome): 'Y' | 'N' => (o.timeResult === 'Normal' && o.locationResult === 'Normal' ? 'Y' : 'N');

/** The /attendance/list row of one check. */
export function presentResultRow(c: CheckContext, o: CheckOutcome): AttendanceResultRow {
  const clockedByUser = o.userCheckMs !== undefined && o.sourceType !== 'APPROVE';
  const row: AttendanceResultRow = {
    id: stableNumericId(idKey(c, 'result', o.checkType)),
    groupId: groupIdOf(c),
    planId: stableNumericId(idKey(c, 'plan', o.checkType), 11),
    workDate: dayStartMs(c.day),
    userId: c.person.userid,
    checkType: o.checkType,
    sourceType: o.sourceType,
    timeResult: o.timeResult,
    locationResult: o.locationResult,
    baseCheckTime: o.baseMs,
    corpId: c.corpId,
    isLegal: isLegal(o),
  };
  if (clockedByUser) row.recordId = stableNumericId(idKey(c, 'record', o.checkType));
  if (o.userCheckMs !== undefined) row.userCheckTime = o.userCheckMs;
  if (o.leave) {
    row.approveId = o.leave.approveId;
    row.procInstId = o.leave.procInstId;
  }
  return row;
}

/** The raw clock record of one check, or undefined when nobody clocked (NotSigned, settled by an approval). */
export function presentRawRecord(c: CheckContext, o: CheckOutcome): RawClockRecord | undefined {
  const userCheckMs = o.userCheckMs;
  if (userCheckMs === undefined || o.sourceType === 'APPROVE' || o.sourceType === 'SYSTEM') return undefined;
  const prng = keyedPrng([c.seed, 'where', c.person.userid, c.day, o.checkType]);
  const city = c.person.workPlace;
  const office = officeOf(city);
  const atm = o.sourceType === 'ATM';
  const outside = o.locationResult === 'Outside';
  const wifi = !atm && !outside && prng.chance(0.6);
  const site = outside ? customerSiteNear(office, city, prng) : office;
  const where = atm || wifi ? { latitude: office.latitude, longitude: office.longitude } : jitter(site, prng);
  const officeKey = [c.corpId, c.seed, 'office', city];
  const record: RawClockRecord = {
    id: stableNumericId(idKey(c, 'record', o.checkType)),
    groupId: groupIdOf(c),
    planId: stableNumericId(idKey(c, 'plan', o.checkType), 11),
    workDate: dayStartMs(c.day),
    userId: c.person.userid,
    checkType: o.checkType,
    sourceType: o.sourceType,
    timeResult: o.timeResult,
    locationResult: o.locationResult,
    baseCheckTime: o.baseMs,
    userCheckTime: userCheckMs,
    planCheckTime: o.baseMs,
    corpId: c.corpId,
    isLegal: isLegal(o),
    locationMethod: atm ? 'ATM' : wifi ? 'WIFI' : 'MAP',
    userAddress: site.address,
    userLatitude: where.latitude,
    userLongitude: where.longitude,
    userAccuracy: atm || wifi ? 0 : prng.int(10, 80),
    deviceId: atm ? stableUuid([...officeKey, 'atm']).replace(/-/g, '') : c.person.deviceId,
    baseAddress: office.address,
    baseLatitude: office.latitude,
    baseLongitude: office.longitude,
    baseAccuracy: BASE_ACCURACY,
    gmtCreate: userCheckMs + prng.int(50, 3000),
    gmtModified: 0,
  };
  record.gmtModified = record.gmtCreate;
  if (atm) record.deviceSN = `LC${stableNumericId([...officeKey, 'sn'], 10)}`;
  if (wifi) {
    record.userSsid = 'LiuCai-Office';
    record.userMacAddr = stableUuid([...officeKey, 'mac'])
      .replace(/-/g, '')
      .slice(0, 12)
      .replace(/(..)(?!$)/g, '$1:');
  }
  if (outside) record.outsideRemark = prng.pick(OUTSIDE_REMARKS);
  return record;
}
