import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PointRules } from '@bravo/shared';

/** The tenant root: every other table points here through `organization_id`. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  /** Only the overrides; defaults are merged in on read so new rules need no backfill. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  rules: Partial<PointRules>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
