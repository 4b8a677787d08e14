// Deep import: loads the crm module only (doc 9.1).
import Crm, * as $Crm from '@alicloud/dingtalk/dist/crm_1_0/client';
import type { DingTalkClient } from './dingTalkClient';
import { v1Headers } from './v1Client';
import type { CRM_CUSTOMER_OBJECT_TYPE, CRM_PERSONAL_CUSTOMER_OBJECT_TYPE } from './wireFacts';

/** The two customer lists of customerInstances. */
export type CrmCustomerType = typeof CRM_CUSTOMER_OBJECT_TYPE | typeof CRM_PERSONAL_CUSTOMER_OBJECT_TYPE;

/** One customer of POST /v1.0/crm/customerInstances (doc 5). Times are "yyyy-MM-dd HH:mm:ss" Beijing time. */
export interface CrmCustomerRow {
  instanceId: string;
  createTime?: string;
  modifyTime?: string;
  creatorUserId?: string;
  data: Record<string, unknown>;
  ownerUserIds: string[];
}

/** One row of POST /v1.0/crm/customObjects/datas/query (doc 5). */
export interface CrmObjectRow {
  instanceId: string;
  creatorUserId?: string;
  gmtCreate?: string;
  gmtModified?: string;
  data: Record<string, unknown>;
  ownerUserIds: string[];
  participantUserIds: string[];
}

/** A page: rows and the opaque token of the next page (absent on the last). */
export interface CrmPage<T> {
  rows: T[];
  nextToken: string | undefined;
}

/** Typed CRM v1.0 calls through the official SDK on the client's limiter, token and retry path. */
export class CrmApi {
  constructor(private readonly client: DingTalkClient) {}

  /** One page (≤100) of all enterprise (`crm_customer`) or all personal (`crm_customer_personal`) customers. */
  customers(objectType: CrmCustomerType, nextToken: string | undefined, maxResults: number, operatorUserId?: string): Promise<CrmPage<CrmCustomerRow>> {
    const v1 = this.client.v1;
    return v1.call('/v1.0/crm/customerInstances', async (token, runtime) => {
      const request = new $Crm.QueryAllCustomerRequest({ maxResults, nextToken, objectType, operatorUserId });
      const res = await v1.sdk(Crm).queryAllCustomerWithOptions(request, new $Crm.QueryAllCustomerHeaders(v1Headers(token)), runtime);
      const result = res.body?.result;
      return {
        nextToken: result?.nextToken || undefined,
        rows: (result?.values ?? []).flatMap((v) =>
          v.instanceId
            ? [
                {
                  instanceId: v.instanceId,
                  createTime: v.createTime,
                  modifyTime: v.modifyTime,
                  creatorUserId: v.creatorUserId,
                  data: (v.data ?? {}) as Record<string, unknown>,
                  ownerUserIds: v.permission?.ownerStaffIds ?? [],
                },
              ]
            : [],
        ),
      };
    });
  }

  /** One page (≤100) of a custom object's rows, optionally filtered by a queryDsl (JSON text). */
  objects(
    name: string,
    queryDsl: string | undefined,
    nextToken: string | undefined,
    maxResults: number,
    operatorUserId?: string,
  ): Promise<CrmPage<CrmObjectRow>> {
    const v1 = this.client.v1;
    return v1.call('/v1.0/crm/customObjects/datas/query', async (token, runtime) => {
      const request = new $Crm.GetObjectDataRequest({ name, queryDsl, nextToken, maxResults, currentOperatorUserId: operatorUserId });
      const res = await v1.sdk(Crm).getObjectDataWithOptions(request, new $Crm.GetObjectDataHeaders(v1Headers(token)), runtime);
      const result = res.body?.result;
      return {
        // hasMore decides; a token without hasMore is not followed.
        nextToken: result?.hasMore ? result.nextToken || undefined : undefined,
        rows: (result?.values ?? []).flatMap((v) =>
          v.instanceId
            ? [
                {
                  instanceId: v.instanceId,
                  creatorUserId: v.creatorUserId,
                  gmtCreate: v.gmtCreate,
                  gmtModified: v.gmtModified,
                  data: (v.data ?? {}) as Record<string, unknown>,
                  ownerUserIds: v.permission?.ownerUserIds ?? [],
                  participantUserIds: v.permission?.participantUserIds ?? [],
                },
              ]
            : [],
        ),
      };
    });
  }
}
