import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { DingTalkPort } from '../appTypes';
import { DingTalkClient, type DingTalkClientConfig } from './dingTalkClient';
import { AttendanceApi } from './attendanceApi';
import { CrmApi } from './crmApi';
import { WorkNotificationApi } from './workNotificationApi';

/** The DingTalk client as the app uses it (login, org reads, call counting, readiness probe). */
export function createDingTalkPort(
  app: Pick<DingTalkClientConfig, 'corpId' | 'appKey' | 'appSecret' | 'agentId' | 'legacyBaseUrl' | 'v1BaseUrl'>,
  config: Pick<Config, 'dingtalkCallsPerSecond' | 'dingtalkTimeoutMs' | 'queuePrefix'>,
  redis: Redis | null,
): DingTalkPort & { client: DingTalkClient } {
  const client = new DingTalkClient({
    ...app,
    callsPerSecond: config.dingtalkCallsPerSecond,
    timeoutMs: config.dingtalkTimeoutMs,
    ...(redis ? { redis, keyPrefix: `${config.queuePrefix}:` } : {}),
  });
  return {
    client,
    getUserInfoByCode: (code) => client.getUserInfoByCode(code),
    getDepartment: (id) => client.getDepartment(id),
    listSubDepartments: (id) => client.listSubDepartments(id),
    listUsers: (id, cursor, size) => client.listUsers(id, cursor, size),
    getUser: (userid) => client.getUser(userid),
    data: dataApi(client),
    messages: new WorkNotificationApi(client),
    ping: async () => {
      await client.getAccessToken();
    },
    callCount: () => client.stats().calls,
  };
}

/** The metered data reads: attendance/leave/dismission (legacy) and CRM (v1.0) on one object, as DataSyncDeps takes them. */
function dataApi(client: DingTalkClient): DingTalkPort['data'] {
  const crm = new CrmApi(client);
  return Object.assign(new AttendanceApi(client), {
    crmCustomers: crm.customers.bind(crm),
    crmObjects: crm.objects.bind(crm),
  });
}
