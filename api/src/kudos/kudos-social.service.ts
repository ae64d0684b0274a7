import { Inject, Injectable } from '@nestjs/common';
import type { CommentDto, ReactionCount } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-exception';
import { KudosSocialRepository } from './kudos-social.repository';

/** Reactions and comments: no points move, so no ledger. */
@Injectable()
export class KudosSocialService {
  constructor(
    private readonly repository: KudosSocialRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async react(caller: AuthMember, kudosId: string, emoji: string): Promise<ReactionCount[]> {
    await this.assertVisible(caller, kudosId);
    await this.repository.addReaction({
      kudosId,
      memberId: caller.id,
      emoji,
      organizationId: caller.organizationId,
      at: this.clock.now(),
    });
    return this.repository.reactions(kudosId, caller.id);
  }

  async unreact(caller: AuthMember, kudosId: string, emoji: string): Promise<ReactionCount[]> {
    await this.assertVisible(caller, kudosId);
    await this.repository.removeReaction(kudosId, caller.id, emoji);
    return this.repository.reactions(kudosId, caller.id);
  }

  async comments(caller: AuthMember, kudosId: string): Promise<CommentDto[]> {
    await this.assertVisible(caller, kudosId);
    const rows = await this.repository.comments(kudosId);
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: r.created_at.toISOString(),
      author: { id: r.author_id, name: r.name, teamId: r.team_id },
    }));
  }

  async comment(caller: AuthMember, kudosId: string, body: string): Promise<CommentDto> {
    await this.assertVisible(caller, kudosId);
    const now = this.clock.now();
    const id = await this.repository.addComment({
      kudosId,
      organizationId: caller.organizationId,
      authorId: caller.id,
      body,
      at: now,
    });
    // The caller is read fresh for every request: their name and team are current.
    return {
      id,
      body,
      createdAt: now.toISOString(),
      author: { id: caller.id, name: caller.name, teamId: caller.teamId },
    };
  }

  private async assertVisible(caller: AuthMember, kudosId: string): Promise<void> {
    if (!(await this.repository.isVisible(caller.organizationId, kudosId))) {
      throw notFound('Kudos');
    }
  }
}
