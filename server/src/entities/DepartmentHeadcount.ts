import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Precomputed headcounts of a department (the org page reads these instead of counting 10,000 memberships per
 * request): active people directly in it, and in it or anywhere below it, each person once. Refreshed by
 * `refreshDepartmentHeadcounts` whenever the org, a person's memberships or their status change.
 */
@Entity({ name: 'department_headcounts' })
export class DepartmentHeadcount {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ name: 'total_headcount', type: 'int' })
  totalHeadcount: number;
}
