import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One event waiting to be published, written in the same transaction as the state change
 * that caused it. `seq` gives the publish order (created_at is equal for one transaction).
 */
@Entity({ name: 'outbox' })
export class OutboxEvent {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('text')
  topic: string;

  @Column({ type: 'text', nullable: true })
  key: string | null;

  @Column('jsonb')
  payload: object;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  headers: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
