import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One admin or manager action: who (as they were then), what, on what, before → after.
 * Append-only: the code has no update or delete path, and a trigger refuses both.
 */
@Entity('audit_entries')
@Index('audit_entries_org_id', ['organizationId', 'id'])
@Index('audit_entries_org_at', ['organizationId', 'at'])
export class AuditEntry {
  /** Increasing: the newest-first order and the paging cursor. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  organizationId: string;

  /** No foreign key: the log outlives what it describes and never changes with it. */
  @Column('uuid')
  actorId: string;

  /** The actor's name and role at the time of the action. */
  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  @Column({ type: 'varchar', length: 20 })
  actorRole: string;

  /** `<target>.<verb>`, e.g. `member.updated`, `mission.published`. */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  targetType: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  /** The transaction's time, like every other row it wrote. */
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ipAddress: string | null;
}
