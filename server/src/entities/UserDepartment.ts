import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Membership of a user in a department (a user may be in several). */
@Entity({ name: 'user_departments' })
@Index('idx_user_departments_dept', ['corpId', 'deptId'])
export class UserDepartment {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userid: string;

  @PrimaryColumn({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  /** The user leads this department (dept_manager_userid_list / leader flag). */
  @Column({ name: 'is_leader', type: 'boolean', default: false })
  isLeader: boolean;
}
