import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a versioned rule (an incentive plan, a KPI scheme) carries besides its versions: a code unique in the corp,
 * a name, and `revision`, bumped by every write to its versions so that concurrent writers of one rule queue up on
 * its row (an UPDATE locks the row in InnoDB and takes SQLite's write lock) before checking effective dates.
 */
export abstract class VersionedRule {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'int', default: 0 })
  revision: number;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
