import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PublicLinks } from '../common/public-links';
import { DomainEvents } from '../events/domain-events';
import { MembersService } from '../members/members.service';
import { MailService } from './mail.service';

/** "You received a kudos", to the recipients who turned it on, queued with the kudos itself. */
@Injectable()
export class KudosMail implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly events: DomainEvents,
    private readonly members: MembersService,
    private readonly mail: MailService,
    private readonly links: PublicLinks,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.handle('kudos.given', async ({ organizationId, kudos }) => {
      if (!this.mail.enabled) {
        return;
      }
      const ids = kudos.recipients.map((r) => r.id);
      for (const to of await this.members.kudosMailRecipients(organizationId, ids)) {
        await this.mail.enqueue({
          organizationId,
          to: to.email,
          locale: to.locale,
          kind: 'kudos_received',
          params: {
            name: to.name,
            giverName: kudos.giver.name,
            hashtag: kudos.value.hashtag,
            points: kudos.points,
            message: kudos.message,
            url: this.links.url('/'),
          },
        });
      }
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
