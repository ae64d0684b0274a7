import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first result of a request sent with an `Idempotency-Key`, replayed for repeats. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column('uuid')
  organizationId: string;

  /** SHA-256 of the request (method, path, body): a key reused for another request is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  /** What the first run returned (null while it runs). */
  @Column({ type: 'jsonb', nullable: true })
  responseBody: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
