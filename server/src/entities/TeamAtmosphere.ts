import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A team's atmosphere (团队氛围) for a month (shared/src/retention/atmosphere.ts), stored by the nightly outcomes step. */
@Entity({ name: 'team_atmospheres' })
@Index('uq_team_atmospheres', ['corpId', 'month', 'deptId'], { unique: true })
export class TeamAtmosphere {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  /** yyyy-mm. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'dept_id', type: 'bigint' })
  deptId: number;

  /** 积极 / 中性 / 消极; null: 数据不足. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  level: string | null;

  @Column({ type: 'int' })
  score: number;

  /** Respondents of the disclosed pulse result (0: none). */
  @Column({ type: 'int' })
  respondents: number;

  @Column({ type: 'int', nullable: true })
  enps: number | null;

  /** JSON string[]. */
  @Column({ type: 'text' })
  reasons: string;

  /** JSON string[]. */
  @Column({ type: 'text' })
  actions: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
