import type { MigrationInterface } from 'typeorm';
import { OrgFoundation1732464000000 } from './1732464000000-OrgFoundation';
import { DingTalkEvents1764000000000 } from './1764000000000-DingTalkEvents';
import { DataModel1764100000000 } from './1764100000000-DataModel';
import { Imports1764200000000 } from './1764200000000-Imports';
import { Crm1764300000000 } from './1764300000000-Crm';
import { AttendanceDetail1764400000000 } from './1764400000000-AttendanceDetail';
import { CrmRemovals1764530000000 } from './1764530000000-CrmRemovals';
import { PeopleDirectory1765200000000 } from './1765200000000-PeopleDirectory';
import { MeteredQuota1765350000000 } from './1765350000000-MeteredQuota';
import { DataQualitySnapshots1765360000000 } from './1765360000000-DataQualitySnapshots';
import { SessionActivity1765400000000 } from './1765400000000-SessionActivity';
import { Notifications1765600000000 } from './1765600000000-Notifications';
import { DepartmentHeadcounts1765700000000 } from './1765700000000-DepartmentHeadcounts';
import { Pay1765800000000 } from './1765800000000-Pay';
import { Talent1765900000000 } from './1765900000000-Talent';
import { TalentDecisions1765900000001 } from './1765900000001-TalentDecisions';
import { RetentionSignals1766000000000 } from './1766000000000-RetentionSignals';
import { AbsencesWithoutLeave1766010000000 } from './1766010000000-AbsencesWithoutLeave';
import { RetentionReviews1766020000000 } from './1766020000000-RetentionReviews';
import { AuditLog1766100000000 } from './1766100000000-AuditLog';
import { PayoutRuns1766100100000 } from './1766100100000-PayoutRuns';
import { PayoutDisputes1766100200000 } from './1766100200000-PayoutDisputes';
import { KpiScores1766200000000 } from './1766200000000-KpiScores';
import { Assessments1766300000000 } from './1766300000000-Assessments';
import { OutcomePersonMonths1766400000000 } from './1766400000000-OutcomePersonMonths';
import { PulseSurveys1766500000000 } from './1766500000000-PulseSurveys';
import { TalentMetricEvidence1766600000000 } from './1766600000000-TalentMetricEvidence';
import { FollowUpContent1766600100000 } from './1766600100000-FollowUpContent';
import { ApiTokens1766700000000 } from './1766700000000-ApiTokens';
import { TalentRecompute1766800000000 } from './1766800000000-TalentRecompute';
import { KpiImportValues1767000000000 } from './1767000000000-KpiImportValues';
import { TalentReadIndexes1767400000000 } from './1767400000000-TalentReadIndexes';
import { ListReadIndexes1767700000000 } from './1767700000000-ListReadIndexes';
import { TalentReviewIndex1767800000000 } from './1767800000000-TalentReviewIndex';
import { OutcomeGroupMonths1767820000000 } from './1767820000000-OutcomeGroupMonths';
import { ScopeCoveringIndexes1767850000000 } from './1767850000000-ScopeCoveringIndexes';
import { RiskWeekCoveringIndex1767860000000 } from './1767860000000-RiskWeekCoveringIndex';
import { PayoutRunTotalsIndex1767870000000 } from './1767870000000-PayoutRunTotalsIndex';
import { UserNameIndex1767910000000 } from './1767910000000-UserNameIndex';
import { TalentReviewRankIndex1767920000000 } from './1767920000000-TalentReviewRankIndex';
import { DirectoryIndex1767940000000 } from './1767940000000-DirectoryIndex';
import { OrgVersions1767980000000 } from './1767980000000-OrgVersions';
import { NineBoxStored1768000000000 } from './1768000000000-NineBoxStored';
import { DepartmentClosure1768010000000 } from './1768010000000-DepartmentClosure';
import { MembersIndex1768010100000 } from './1768010100000-MembersIndex';
import { PulseInvitationsByUser1768030000000 } from './1768030000000-PulseInvitationsByUser';
import { SupervisorStatusIndex1768031000000 } from './1768031000000-SupervisorStatusIndex';
import { DataVersions1768040000000 } from './1768040000000-DataVersions';
import { PulseAndPayVersions1768050000000 } from './1768050000000-PulseAndPayVersions';
import { TalentScoresByPerson1768051000000 } from './1768051000000-TalentScoresByPerson';
import { QuestionnaireVersions1768060000000 } from './1768060000000-QuestionnaireVersions';

/** MySQL/MariaDB migrations, oldest first. Each is frozen once merged: never edit one, add a new one. */
export const MYSQL_MIGRATIONS: (new () => MigrationInterface)[] = [
  OrgFoundation1732464000000,
  DingTalkEvents1764000000000,
  DataModel1764100000000,
  Imports1764200000000,
  Crm1764300000000,
  AttendanceDetail1764400000000,
  CrmRemovals1764530000000,
  PeopleDirectory1765200000000,
  MeteredQuota1765350000000,
  DataQualitySnapshots1765360000000,
  SessionActivity1765400000000,
  Notifications1765600000000,
  DepartmentHeadcounts1765700000000,
  Pay1765800000000,
  Talent1765900000000,
  TalentDecisions1765900000001,
  RetentionSignals1766000000000,
  AbsencesWithoutLeave1766010000000,
  RetentionReviews1766020000000,
  AuditLog1766100000000,
  PayoutRuns1766100100000,
  PayoutDisputes1766100200000,
  KpiScores1766200000000,
  Assessments1766300000000,
  OutcomePersonMonths1766400000000,
  PulseSurveys1766500000000,
  TalentMetricEvidence1766600000000,
  FollowUpContent1766600100000,
  ApiTokens1766700000000,
  TalentRecompute1766800000000,
  KpiImportValues1767000000000,
  TalentReadIndexes1767400000000,
  ListReadIndexes1767700000000,
  TalentReviewIndex1767800000000,
  OutcomeGroupMonths1767820000000,
  ScopeCoveringIndexes1767850000000,
  RiskWeekCoveringIndex1767860000000,
  PayoutRunTotalsIndex1767870000000,
  UserNameIndex1767910000000,
  TalentReviewRankIndex1767920000000,
  DirectoryIndex1767940000000,
  OrgVersions1767980000000,
  NineBoxStored1768000000000,
  DepartmentClosure1768010000000,
  MembersIndex1768010100000,
  PulseInvitationsByUser1768030000000,
  SupervisorStatusIndex1768031000000,
  DataVersions1768040000000,
  PulseAndPayVersions1768050000000,
  TalentScoresByPerson1768051000000,
  QuestionnaireVersions1768060000000,
];
