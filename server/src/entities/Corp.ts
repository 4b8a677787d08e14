import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A DingTalk organisation using Liucai. Its corp_id is the tenant key of every business row. */
@Entity({ name: 'corps' })
export class Corp {
  @PrimaryColumn({ name: 'corp_id', type: 'varchar', length: 64 })
  corpId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'agent_id', type: 'bigint', nullable: true })
  agentId: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
