import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Db } from '../database/current-manager';
import { DisplayLink } from './display.entity';

/** The only code touching `display_links`. */
@Injectable()
export class DisplaysRepository {
  constructor(private readonly db: Db) {}

  private get displays() {
    return this.db.tx.getRepository(DisplayLink);
  }

  insert(
    fields: Omit<
      DisplayLink,
      | 'id'
      | 'createdAt'
      | 'revokedAt'
      | 'lastSeenAt'
      | 'onlineUntil'
      | 'lastAddress'
      | 'lastUserAgent'
    >,
  ): Promise<DisplayLink> {
    return this.displays.save({
      ...fields,
      revokedAt: null,
      lastSeenAt: null,
      onlineUntil: null,
      lastAddress: null,
      lastUserAgent: null,
    });
  }

  async update(
    id: string,
    fields: Partial<
      Pick<
        DisplayLink,
        | 'name'
        | 'panels'
        | 'rotationSeconds'
        | 'topN'
        | 'nameStyle'
        | 'publicSafe'
        | 'chime'
        | 'schedule'
      >
    >,
  ): Promise<DisplayLink> {
    if (Object.keys(fields).length > 0) {
      await this.displays.update({ id }, fields);
    }
    return this.displays.findOneOrFail({ where: { id } });
  }

  /** Seen now; online for `graceMs` more (0: gone); with the connection's address and browser when new. */
  async markSeen(
    ids: string[],
    now: Date,
    graceMs: number,
    connection?: { address: string; userAgent: string },
  ): Promise<void> {
    await this.displays.update(
      { id: In(ids), revokedAt: IsNull() },
      {
        lastSeenAt: now,
        onlineUntil: new Date(now.getTime() + graceMs),
        ...(connection
          ? {
              lastAddress: connection.address.slice(0, 64),
              lastUserAgent: connection.userAgent.slice(0, 300),
            }
          : {}),
      },
    );
  }

  listOpen(organizationId: string): Promise<DisplayLink[]> {
    return this.displays.find({
      where: { organizationId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  /** What decides each open screen's room: one row per screen (a handful per organisation). */
  audiences(
    organizationId: string,
  ): Promise<Pick<DisplayLink, 'teamId' | 'publicSafe' | 'topN' | 'nameStyle'>[]> {
    return this.displays.find({
      select: { teamId: true, publicSafe: true, topN: true, nameStyle: true },
      where: { organizationId, revokedAt: IsNull() },
    });
  }

  findOpenById(id: string): Promise<DisplayLink | null> {
    return this.displays.findOne({ where: { id, revokedAt: IsNull() } });
  }

  findOpen(organizationId: string, id: string): Promise<DisplayLink | null> {
    return this.displays.findOne({ where: { id, organizationId, revokedAt: IsNull() } });
  }

  findOpenByTokenHash(tokenHash: string): Promise<DisplayLink | null> {
    return this.displays.findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.displays.update({ id }, { revokedAt: now });
  }
}
