import type { KudosBoostDto, KudosDto, MemberSummary, ReactionCount } from '@bravo/shared';
import type { KudosRecord } from './kudos-record';

export interface KudosSocial {
  boosts: KudosBoostDto[];
  reactions: ReactionCount[];
  commentCount: number;
}

export const NO_SOCIAL: KudosSocial = { boosts: [], reactions: [], commentCount: 0 };

const byName = (a: MemberSummary, b: MemberSummary) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * The one shape of a kudos on the wire, for the feed, a fresh kudos' response and
 * broadcasts. A viewer without id (a broadcast) never sees a withdraw window.
 */
export function kudosDto(
  core: KudosRecord,
  social: KudosSocial,
  viewer: { id: string | null; withdrawWindowMs: number; now: Date },
): KudosDto {
  const until = core.createdAt.getTime() + viewer.withdrawWindowMs;
  return {
    id: core.id,
    giver: core.giver,
    recipients: [...core.recipients].sort(byName),
    value: core.value,
    message: core.message,
    points: core.points,
    boosts: social.boosts,
    reactions: social.reactions,
    commentCount: social.commentCount,
    createdAt: core.createdAt.toISOString(),
    withdrawableUntil:
      core.giver.id === viewer.id && until > viewer.now.getTime()
        ? new Date(until).toISOString()
        : null,
  };
}

/** A fresh kudos as every screen and colleague sees it (a broadcast: nobody's withdraw window). */
export function broadcastKudosDto(record: KudosRecord): KudosDto {
  return kudosDto(record, NO_SOCIAL, { id: null, withdrawWindowMs: 0, now: record.createdAt });
}
