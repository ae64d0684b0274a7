import type { KudosBoostDto, KudosDto, MemberSummary, ReactionCount } from '@bravo/shared';

/** What a kudos is, before anyone reacted to it. */
export interface KudosCore {
  id: string;
  giver: MemberSummary;
  recipients: MemberSummary[];
  value: KudosDto['value'];
  message: string;
  points: number;
  createdAt: Date;
}

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
  core: KudosCore,
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
