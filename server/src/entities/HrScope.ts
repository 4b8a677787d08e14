import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department an HR user may see (with everything below it). Granted explicitly by an admin. */
@Entity({ name: 'hr_scopes' })
export class HrScope {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  userid: string;

  @PrimaryColumn({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  @Column({ name: 'granted_by', type: 'varchar', length: 64 })
  grantedBy: string;

  @Column({ name: 'granted_at', type: 'datetime' })
  grantedAt: Date;
}
