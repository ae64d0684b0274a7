import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { UploadContentType, UploadPurpose } from '@bravo/shared';
import { Member } from '../members/member.entity';
import { Organization } from '../organizations/organization.entity';

/**
 * An uploaded image, re-encoded and stored under UPLOADS_DIR in a file named by
 * `id` (never by what the uploader called it). The id is drawn before the file is
 * written, so the row and the file share it.
 */
@Entity('uploads')
@Index('uploads_org_uploader', ['organizationId', 'uploaderId', 'createdAt'])
export class Upload {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column('uuid')
  uploaderId: string;

  @ManyToOne(() => Member, { onDelete: 'CASCADE' })
  uploader?: Member;

  @Column({ type: 'varchar', length: 32 })
  purpose: UploadPurpose;

  /** The type of the stored (re-encoded) bytes. */
  @Column({ type: 'varchar', length: 32 })
  contentType: UploadContentType;

  @Column('int')
  byteSize: number;

  @Column('int')
  width: number;

  @Column('int')
  height: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
