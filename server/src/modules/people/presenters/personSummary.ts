import type { PersonSummary } from '@liucai/shared';
import type { DepartmentIndex } from '../queries/departmentIndex';
import { textOrNull } from '../queries/paging';

/** A directory row (raw, from peopleDirectory.ts) as the API shows it: explicit fields, the department with its path. */
export function presentPersonSummary(r: Record<string, unknown>, depts: DepartmentIndex): PersonSummary {
  const mainDept = r.main_dept_id === null || r.main_dept_id === undefined ? null : Number(r.main_dept_id);
  return {
    userid: String(r.userid),
    name: String(r.name),
    title: textOrNull(r.title),
    jobNumber: textOrNull(r.job_number),
    avatar: textOrNull(r.avatar),
    status: r.status === 'left' ? 'left' : 'active',
    hiredOn: textOrNull(r.hired_on),
    leftOn: textOrNull(r.left_on),
    department: depts.ref(mainDept),
    supervisor: r.supervisor_userid ? { userid: String(r.supervisor_userid), name: String(r.supervisor_name), title: textOrNull(r.supervisor_title) } : null,
  };
}
