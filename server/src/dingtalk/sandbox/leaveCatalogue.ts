/**
 * The corp's leave types (假期类型), as /topapi/attendance/vacation/type/list would list them. Codes are fixed
 * strings so that leave_code in getleavestatus is stable across seeds and runs; DingTalk's own codes are
 * UUID-like per corp, which these imitate.
 */

/** One leave type. `leave_view_unit` decides getleavestatus' duration_unit. */
export interface SandboxLeaveType {
  leave_code: string;
  leave_name: string;
  /** halfDay: counted in (half) days, duration_unit percent_day; hour: in hours, percent_hour. */
  leave_view_unit: 'halfDay' | 'hour';
  /** Working hours a full day of this leave counts for, ×100 (DingTalk's convention). */
  hours_in_per_day: number;
}

/** Codes of the leave types, by what they are. */
export const LEAVE_CODES = {
  personal: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1001',
  sick: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1002',
  annual: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1003',
  compensatory: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1004',
  marriage: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1005',
  maternity: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1006',
  paternity: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1007',
  bereavement: '6f1a0c52-3e4b-4d8a-9b21-5c0d7e8f1008',
} as const;

/** What a leave type is (a key of LEAVE_CODES). */
export type LeaveKind = keyof typeof LEAVE_CODES;

const type = (kind: LeaveKind, name: string, unit: SandboxLeaveType['leave_view_unit']): SandboxLeaveType => ({
  leave_code: LEAVE_CODES[kind],
  leave_name: name,
  leave_view_unit: unit,
  hours_in_per_day: 800,
});

/** Every leave type of a sandbox corp; the generator draws 事假, 病假, 年假 and 调休. */
export const LEAVE_TYPES: readonly SandboxLeaveType[] = [
  type('personal', '事假', 'halfDay'),
  type('sick', '病假', 'halfDay'),
  type('annual', '年假', 'halfDay'),
  type('compensatory', '调休', 'hour'),
  type('marriage', '婚假', 'halfDay'),
  type('maternity', '产假', 'halfDay'),
  type('paternity', '陪产假', 'halfDay'),
  type('bereavement', '丧假', 'halfDay'),
];

/** The leave type of a kind. */
export function leaveTypeOf(kind: LeaveKind): SandboxLeaveType {
  const found = LEAVE_TYPES.find((t) => t.leave_code === LEAVE_CODES[kind]);
  if (!found) throw new Error(`leave type ${kind} missing from LEAVE_TYPES`);
  return found;
}

/** The process code of the sandbox's 请假 approval form (the app's default leave process code in sandbox mode). */
export const SANDBOX_LEAVE_PROCESS_CODE = 'PROC-LIUCAI-LEAVE-0001';
