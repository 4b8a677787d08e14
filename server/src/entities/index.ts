import { Corp } from './Corp';
import { Department } from './Department';
import { DingTalkEvent } from './DingTalkEvent';
import { HrScope } from './HrScope';
import { Session } from './Session';
import { SyncRun } from './SyncRun';
import { User } from './User';
import { UserDepartment } from './UserDepartment';

/** Every entity, for the DataSource. */
export const ENTITIES = [Corp, Department, User, UserDepartment, HrScope, SyncRun, Session, DingTalkEvent];
export { Corp, Department, DingTalkEvent, HrScope, Session, SyncRun, User, UserDepartment };
