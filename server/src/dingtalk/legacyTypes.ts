/**
 * Wire shapes of the legacy (oapi.dingtalk.com) endpoints we call, field names exactly as DingTalk sends them
 * (doc sections 1-3). Fields DingTalk only sends with extra permissions or when set are optional.
 */

/** Every legacy response carries this envelope; `errcode` 0 means success. */
export interface LegacyEnvelope {
  errcode: number;
  errmsg: string;
  request_id?: string;
}

/** `GET /gettoken`. */
export interface GetTokenResponse extends LegacyEnvelope {
  access_token: string;
  expires_in: number;
}

/** `GET /get_jsapi_ticket`. */
export interface JsapiTicketResponse extends LegacyEnvelope {
  ticket: string;
  expires_in: number;
}

/** A `result` envelope of the /topapi endpoints. */
export interface LegacyResultResponse<R> extends LegacyEnvelope {
  result: R;
}

/** `/topapi/v2/user/getuserinfo` result: who the auth code belongs to. */
export interface AuthCodeUserInfo {
  userid: string;
  device_id?: string;
  /** Is an admin. */
  sys: boolean;
  /** 1 super admin, 2 sub admin, 100 boss, 0 other. */
  sys_level: number;
  associated_unionid?: string;
  unionid?: string;
  name?: string;
}

/** One item of `/topapi/v2/department/listsub` (direct children only). */
export interface SubDepartment {
  dept_id: number;
  name: string;
  parent_id: number;
  create_dept_group?: boolean;
  auto_add_user?: boolean;
  source_identifier?: string;
  tags?: string;
  from_union_org?: boolean;
  ext?: string;
}

/** `/topapi/v2/department/get` result. */
export interface DepartmentDetail extends SubDepartment {
  order?: number;
  dept_group_chat_id?: string;
  group_contain_sub_dept?: boolean;
  org_dept_owner?: string;
  /** Department supervisors (部门主管). */
  dept_manager_userid_list?: string[];
  outer_dept?: boolean;
  outer_permit_depts?: number[];
  outer_permit_users?: string[];
  hide_dept?: boolean;
  user_permits?: string[];
  dept_permits?: number[];
}

/** One user of `/topapi/v2/user/list`. */
export interface DepartmentUser {
  userid: string;
  unionid?: string;
  name: string;
  avatar?: string;
  state_code?: string;
  mobile?: string;
  hide_mobile?: boolean;
  telephone?: string;
  job_number?: string;
  title?: string;
  email?: string;
  org_email?: string;
  work_place?: string;
  remark?: string;
  dept_id_list: number[];
  dept_order?: number;
  /** JSON string of custom fields. */
  extension?: string;
  /** Hire date, ms epoch. */
  hired_date?: number;
  active?: boolean;
  admin?: boolean;
  boss?: boolean;
  /** Leader of the department that was listed. */
  leader?: boolean;
  exclusive_account?: boolean;
  login_id?: string;
  exclusive_account_type?: string;
}

/** `/topapi/v2/user/list` result: one cursor page. */
export interface UserListPage {
  has_more: boolean;
  next_cursor?: number;
  list: DepartmentUser[];
}

/** `/topapi/v2/user/get` result. */
export interface UserDetail {
  userid: string;
  unionid?: string;
  name: string;
  avatar?: string;
  state_code?: string;
  /** Direct manager; only present when set in the admin console. */
  manager_userid?: string;
  mobile?: string;
  hide_mobile?: boolean;
  telephone?: string;
  job_number?: string;
  title?: string;
  email?: string;
  work_place?: string;
  remark?: string;
  login_id?: string;
  exclusive_account_type?: string;
  exclusive_account?: boolean;
  dept_id_list: number[];
  dept_order_list?: { dept_id: number; order: number }[];
  extension?: string;
  hired_date?: number;
  active?: boolean;
  real_authed?: boolean;
  org_email?: string;
  org_email_type?: string;
  senior?: boolean;
  admin?: boolean;
  boss?: boolean;
  leader_in_dept?: { dept_id: number; leader: boolean }[];
  role_list?: { id: number; name: string; group_name: string }[];
  union_emp_ext?: { userid: string; corp_id: string; union_emp_map_list?: { userid: string; corp_id: string }[] };
}
