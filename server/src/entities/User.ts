import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type UserStatus = 'active' | 'left';

/** A person of the corp, synced from DingTalk. People who leave are kept with status 'left' and the date. */
@Entity({ name: 'users' })
@Index('idx_users_supervisor', ['corpId', 'supervisorUserid', 'namePinyin', 'userid'])
@Index('idx_users_supervisor_status', ['corpId', 'supervisorUserid', 'status'])
@Index('idx_users_status', ['corpId', 'status', 'userid'])
@Index('idx_users_initials', ['corpId', 'nameInitials'])
@Index('idx_users_pinyin', ['corpId', 'namePinyin'])
@Index('idx_users_job_number', ['corpId', 'jobNumber'])
@Index('idx_users_main_dept', ['corpId', 'mainDeptId', 'userid'])
@Index('idx_users_hired_on', ['corpId', 'hiredOn'])
@Index('idx_users_other_depts', ['corpId', 'inOtherDepts', 'userid'])
// Covers the name lookups by userid (managers, references on every list): the key read without the row.
@Index('idx_users_names', ['corpId', 'userid', 'status', 'name', 'title'])
// People by status in name order with the scope's and (SQLite only) the searched columns: the directory's search and
// 留才雷达's name-ordered pages test each person on the index entry. Columns differ by database (InnoDB's key limit),
// so the migrations (1767940000000) own it, not the sync.
@Index('idx_users_directory', { synchronize: false })
export class User {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userid: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /**
   * Pinyin initials of the name, lower case (张三 → zs), and the whole pinyin by syllable (`zhang san`, also the
   * name's sort key): computed at org sync (nameSearchKeys.ts), never per query. Null until the first org sync after
   * they were added fills them in.
   */
  @Column({ name: 'name_initials', type: 'varchar', length: 100, nullable: true })
  nameInitials: string | null;

  @Column({ name: 'name_pinyin', type: 'varchar', length: 255, nullable: true })
  namePinyin: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ name: 'job_number', type: 'varchar', length: 64, nullable: true })
  jobNumber: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  avatar: string | null;

  /** yyyy-mm-dd in Asia/Shanghai, from DingTalk's hired_date. */
  @Column({ name: 'hired_on', type: 'varchar', length: 10, nullable: true })
  hiredOn: string | null;

  @Column({ name: 'main_dept_id', type: 'bigint', nullable: true })
  mainDeptId: number | null;

  /**
   * Member of a department besides the main one (about one person in twenty). HR scope reads memberships only for
   * these people, so a list of 10,000 does not look up 10,000 membership sets (peopleScope.ts). Kept by whoever
   * writes memberships (org sync, contact events).
   */
  @Column({ name: 'in_other_depts', type: 'boolean', default: false })
  inOtherDepts: boolean;

  /** DingTalk's explicit direct manager (manager_userid), when HR set one. */
  @Column({ name: 'manager_userid', type: 'varchar', length: 64, nullable: true })
  managerUserid: string | null;

  /** The supervisor Liucai resolved (dingtalk-api.md 3.5). */
  @Column({ name: 'supervisor_userid', type: 'varchar', length: 64, nullable: true })
  supervisorUserid: string | null;

  /** DingTalk admin (`sys`). */
  @Column({ name: 'is_admin', type: 'boolean', default: false })
  isAdmin: boolean;

  @Column({ name: 'is_boss', type: 'boolean', default: false })
  isBoss: boolean;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  /** yyyy-mm-dd of the sync that first missed the user, or DingTalk's last work day. */
  @Column({ name: 'left_on', type: 'varchar', length: 10, nullable: true })
  leftOn: string | null;
}
