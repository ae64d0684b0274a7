import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A TV waiting to be paired by the code it shows. Neither the code nor the
 * TV's secret is stored, only their SHA-256. On pairing, the secret becomes the
 * new screen's token (`display_links.token_hash`), so no token ever travels to
 * the TV after its first request. The organisation is known only once claimed.
 */
@Entity('display_pairings')
@Index('display_pairings_expiry', ['expiresAt'])
export class DisplayPairing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('display_pairings_code_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Index('display_pairings_secret_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  displayId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
