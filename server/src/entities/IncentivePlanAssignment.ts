import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AssignmentTargetKind = 'user' | 'job';

/**
 * Who is paid under a plan, from when to when: one person (`userid`), or a job — people whose DingTalk title
 * (职位) is `job_title` and whose main department is `dept_id` or below it. A person's own assignment wins over a
 * job's; of job assignments, the one on the nearest department up the tree wins.
 */
@Entity({ name: 'incentive_plan_assignments' })
@Index('idx_incentive_assignments_user', ['corpId', 'userid'])
@Index('idx_incentive_assignments_job', ['corpId', 'jobTitle'])
export class IncentivePlanAssignment {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @Column({ name: 'target_kind', type: 'varchar', length: 8 })
  targetKind: AssignmentTargetKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  userid: string | null;

  @Column({ name: 'job_title', type: 'varchar', length: 100, nullable: true })
  jobTitle: string | null;

  @Column({ name: 'dept_id', type: 'bigint', nullable: true })
  deptId: number | null;

  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom: string;

  @Column({ name: 'effective_to', type: 'varchar', length: 10, nullable: true })
  effectiveTo: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
