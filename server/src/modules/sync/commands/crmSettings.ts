import type { CrmCustomerRow, CrmCustomerType, CrmObjectRow, CrmPage } from '../../../dingtalk/crmApi';
import { DEFAULT_CRM_CONTRACT_OBJECT, DEFAULT_CRM_FOLLOW_RECORD_OBJECT } from '../../../dingtalk/wireFacts';
import { DEFAULT_SEGMENT_THRESHOLDS, type SegmentThresholds } from './customerSegments';

/** The DingTalk CRM calls the sync needs (CrmApi, as DingTalkPort.data offers them). */
export interface CrmSource {
  crmCustomers(objectType: CrmCustomerType, nextToken: string | undefined, maxResults: number, operatorUserId?: string): Promise<CrmPage<CrmCustomerRow>>;
  crmObjects(
    name: string,
    queryDsl: string | undefined,
    nextToken: string | undefined,
    maxResults: number,
    operatorUserId?: string,
  ): Promise<CrmPage<CrmObjectRow>>;
}

/** What the CRM sync is configured with (config.crm). */
export interface CrmSettings extends SegmentThresholds {
  contractObject: string;
  followRecordObject: string;
  operatorUserid?: string | undefined;
  followUpLookbackDays: number;
  /** Days between full passes. */
  fullPassDays: number;
  /** Days of follow records a full pass after the first re-reads (and so can find deleted). */
  followUpRecheckDays: number;
}

/** The configuration defaults (for callers without a config, e.g. benchmarks). */
export const DEFAULT_CRM_SETTINGS: CrmSettings = {
  ...DEFAULT_SEGMENT_THRESHOLDS,
  contractObject: DEFAULT_CRM_CONTRACT_OBJECT,
  followRecordObject: DEFAULT_CRM_FOLLOW_RECORD_OBJECT,
  followUpLookbackDays: 180,
  fullPassDays: 7,
  followUpRecheckDays: 30,
};

export const CRM_CHECKPOINT = 'crm';
/** A later pass re-reads contracts and follow records changed this long before the previous pass began. */
export const CRM_OVERLAP_MS = 86_400_000;
