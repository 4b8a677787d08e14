import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A DingTalk department, synced. Removed departments stay with active = false (history is kept). */
@Entity({ name: 'departments' })
@Index('idx_departments_parent', ['corpId', 'parentId'])
export class Department {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  @Column({ name: 'parent_id', type: 'bigint', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  /** JSON array of the department's managers (dept_manager_userid_list). */
  @Column({ name: 'manager_userids', type: 'simple-json' })
  managerUserids: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
