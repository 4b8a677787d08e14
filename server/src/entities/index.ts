import { AttendanceResult } from './AttendanceResult';
import { ClockRecord } from './ClockRecord';
import { LeaveRecord } from './LeaveRecord';
import { Departure } from './Departure';
import { Deal } from './Deal';
import { Customer } from './Customer';
import { FollowUp } from './FollowUp';
import { CrmSeen } from './CrmSeen';
import { SatisfactionScore } from './SatisfactionScore';
import { CollaborationEvent } from './CollaborationEvent';
import { TrainingRecord } from './TrainingRecord';
import { KpiImportValue } from './KpiImportValue';
import { SyncCheckpoint } from './SyncCheckpoint';
import { ApiCallBudget } from './ApiCallBudget';
import { MeteredUsage } from './MeteredUsage';
import { DataQualitySnapshot } from './DataQualitySnapshot';
import { DataGapItem } from './DataGapItem';
import { Corp } from './Corp';
import { Department } from './Department';
import { DepartmentHeadcount } from './DepartmentHeadcount';
import { DepartmentClosure } from './DepartmentClosure';
import { DingTalkEvent } from './DingTalkEvent';
import { HrScope } from './HrScope';
import { Session } from './Session';
import { SyncRun } from './SyncRun';
import { User } from './User';
import { UserDepartment } from './UserDepartment';
import { ImportRun } from './ImportRun';
import { ImportRejection } from './ImportRejection';
import { Notification } from './Notification';
import { NotificationSend } from './NotificationSend';
import { NotifyDrainLock } from './NotifyDrainLock';
import { OrgVersion } from './OrgVersion';
import { DataVersion } from './DataVersion';
import { IncentivePlan } from './IncentivePlan';
import { IncentivePlanVersion } from './IncentivePlanVersion';
import { IncentivePlanAssignment } from './IncentivePlanAssignment';
import { KpiScheme } from './KpiScheme';
import { KpiSchemeVersion } from './KpiSchemeVersion';
import { RetentionWeekSignal } from './RetentionWeekSignal';
import { RetentionRisk } from './RetentionRisk';
import { RetentionModel } from './RetentionModel';
import { AbsenceWithoutLeave } from './AbsenceWithoutLeave';
import { RetentionReview } from './RetentionReview';
import { AuditEvent } from './AuditEvent';
import { PayoutRun } from './PayoutRun';
import { PayoutStatement } from './PayoutStatement';
import { PayoutLine } from './PayoutLine';
import { PayoutRunInput } from './PayoutRunInput';
import { PayoutDispute } from './PayoutDispute';
import { PayoutAdjustment } from './PayoutAdjustment';
import { JobModel } from './JobModel';
import { JobModelVersion } from './JobModelVersion';
import { TalentMetric } from './TalentMetric';
import { TalentMatchScore } from './TalentMatchScore';
import { TalentInputHash } from './TalentInputHash';
import { TalentNineBoxCutoff } from './TalentNineBoxCutoff';
import { TalentRecomputeRun } from './TalentRecomputeRun';
import { TalentDecision } from './TalentDecision';
import { OutcomePersonMonth } from './OutcomePersonMonth';
import { OutcomeGroupMonth } from './OutcomeGroupMonth';
import { ApiToken } from './ApiToken';
import { TalentMetricMedian } from './TalentMetricMedian';
import { TalentMetricReference } from './TalentMetricReference';
import { TalentFeedbackTerms } from './TalentFeedbackTerms';
import { Questionnaire } from './Questionnaire';
import { QuestionnaireVersion } from './QuestionnaireVersion';
import { AssessmentCycle } from './AssessmentCycle';
import { AssessmentResponse } from './AssessmentResponse';
import { KpiScore } from './KpiScore';
import { KpiRating } from './KpiRating';
import { KpiPromotion } from './KpiPromotion';
import { PulseSurvey } from './PulseSurvey';
import { PulseRound } from './PulseRound';
import { PulseInvitation } from './PulseInvitation';
import { PulseAnswer } from './PulseAnswer';
import { TeamAtmosphere } from './TeamAtmosphere';

/** Every entity, for the DataSource. */
export const ENTITIES = [
  Corp,
  Department,
  DepartmentHeadcount,
  DepartmentClosure,
  User,
  UserDepartment,
  HrScope,
  SyncRun,
  Session,
  DingTalkEvent,
  AttendanceResult,
  ClockRecord,
  LeaveRecord,
  Departure,
  Deal,
  SatisfactionScore,
  CollaborationEvent,
  TrainingRecord,
  KpiImportValue,
  SyncCheckpoint,
  ApiCallBudget,
  ImportRun,
  ImportRejection,
  Customer,
  FollowUp,
  CrmSeen,
  Notification,
  NotificationSend,
  NotifyDrainLock,
  OrgVersion,
  DataVersion,
  MeteredUsage,
  DataQualitySnapshot,
  DataGapItem,
  IncentivePlan,
  IncentivePlanVersion,
  IncentivePlanAssignment,
  KpiScheme,
  KpiSchemeVersion,
  RetentionWeekSignal,
  RetentionRisk,
  RetentionModel,
  AbsenceWithoutLeave,
  RetentionReview,
  AuditEvent,
  PayoutRun,
  PayoutStatement,
  PayoutLine,
  PayoutRunInput,
  PayoutDispute,
  PayoutAdjustment,
  JobModel,
  JobModelVersion,
  TalentMetric,
  TalentMatchScore,
  TalentInputHash,
  TalentNineBoxCutoff,
  TalentRecomputeRun,
  TalentDecision,
  TalentMetricMedian,
  TalentMetricReference,
  TalentFeedbackTerms,
  OutcomePersonMonth,
  OutcomeGroupMonth,
  ApiToken,
  Questionnaire,
  QuestionnaireVersion,
  AssessmentCycle,
  AssessmentResponse,
  KpiScore,
  KpiRating,
  KpiPromotion,
  PulseSurvey,
  PulseRound,
  PulseInvitation,
  PulseAnswer,
  TeamAtmosphere,
];
export {
  AttendanceResult,
  ClockRecord,
  LeaveRecord,
  Departure,
  Deal,
  SatisfactionScore,
  CollaborationEvent,
  TrainingRecord,
  KpiImportValue,
  SyncCheckpoint,
  ApiCallBudget,
  Corp,
  Department,
  DepartmentHeadcount,
  DepartmentClosure,
  DingTalkEvent,
  HrScope,
  Session,
  SyncRun,
  User,
  UserDepartment,
  ImportRun,
  ImportRejection,
  Customer,
  FollowUp,
  CrmSeen,
  Notification,
  NotificationSend,
  NotifyDrainLock,
  OrgVersion,
  DataVersion,
  MeteredUsage,
  DataQualitySnapshot,
  DataGapItem,
  IncentivePlan,
  IncentivePlanVersion,
  IncentivePlanAssignment,
  KpiScheme,
  KpiSchemeVersion,
  RetentionWeekSignal,
  RetentionRisk,
  RetentionModel,
  AbsenceWithoutLeave,
  RetentionReview,
  AuditEvent,
  PayoutRun,
  PayoutStatement,
  PayoutLine,
  PayoutRunInput,
  PayoutDispute,
  PayoutAdjustment,
  JobModel,
  JobModelVersion,
  TalentMetric,
  TalentMatchScore,
  TalentInputHash,
  TalentNineBoxCutoff,
  TalentRecomputeRun,
  TalentDecision,
  TalentMetricMedian,
  TalentMetricReference,
  TalentFeedbackTerms,
  OutcomePersonMonth,
  OutcomeGroupMonth,
  ApiToken,
  Questionnaire,
  QuestionnaireVersion,
  AssessmentCycle,
  AssessmentResponse,
  KpiScore,
  KpiRating,
  KpiPromotion,
  PulseSurvey,
  PulseRound,
  PulseInvitation,
  PulseAnswer,
  TeamAtmosphere,
};
