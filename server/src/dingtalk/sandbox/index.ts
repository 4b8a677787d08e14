/** The DingTalk sandbox (emulator): public API for tests, benchmarks and the demo mode. */
export { startSandbox, type SandboxHandle, type StartSandboxOptions } from './startSandbox';
export { generateCorp, DEMO_USERIDS } from './generateCorp';
export { SandboxCorp } from './SandboxCorp';
export type { SandboxFaults, SandboxStats } from './faultInjector';
export type { TurnoverSummary } from './monthlyTurnover';
export { LEAVE_CODES, LEAVE_TYPES, type SandboxLeaveType } from './leaveCatalogue';
export type { DriftProfile } from './driftModel';
export { TRAINING_FILE_NAME, generateTraining, trainingCsv, type TrainingCourseRecord } from './trainingModel';
export { SANDBOX_LEAVE_PROCESS_CODE, leaveInstances, findLeaveInstance, statusOf as leaveInstanceStatus } from './leaveApprovals';
export {
  DEFAULT_AS_OF_MS,
  DEFAULT_CORP_NAME,
  MIN_EMPLOYEES,
  type DeptKind,
  type SandboxCorpOptions,
  type SandboxDemoUsers,
  type SandboxDept,
  type SandboxDeparture,
  type SandboxUser,
  type SandboxUserInput,
  type SysLevel,
} from './corpTypes';
export { V1_TOKEN_HEADER, legacyCaller, v1Caller } from './callerAuth';
export { dingtalkRoute } from './dingtalkGuard';
export { SandboxMessages, type InboxMessage, type SandboxTask } from './messageStore';
