import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The department tree as pairs: one row per department and each department at or above it (itself included), so a
 * scope of a few granted departments is "everything below them" in one index range. Kept by database triggers on
 * `departments` in the writing transaction (migration `DepartmentClosure`), like `org_versions`: no write path can
 * forget it. A parent not (yet) synced still counts as an ancestor, as it does when the tree is walked in memory, and a
 * removed department's own row stays (departments are kept with active = false anyway).
 */
@Entity({ name: 'department_closure' })
@Index('idx_department_closure_dept', ['corpId', 'deptId', 'ancestorId'])
export class DepartmentClosure {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ name: 'ancestor_id', type: 'bigint' })
  ancestorId: number;

  @PrimaryColumn({ name: 'dept_id', type: 'bigint' })
  deptId: number;
}
