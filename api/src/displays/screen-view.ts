import {
  LIVE_TICK_MAX_KUDOS,
  displayName,
  stricterNameStyle,
  type CelebrationPayload,
  type KudosDto,
  type KudosRemovedPayload,
  type LeaderboardDto,
  type MemberRankEntry,
  type MemberSummary,
  type NameStyle,
  type PraiseCardDto,
  type ScreenKudosDto,
  type ScreenMemberEntry,
  type ScreenMissionDto,
  type ScreenNameChoice,
  type ScreenPraiseDto,
  type ScreenTeamEntry,
  type ScreenTickPayload,
  type TeamRankEntry,
} from '@bravo/shared';

/** What decides what a screen may receive; screens alike in these share a room. */
export interface ScreenAudience {
  publicSafe: boolean;
  topN: number;
  nameStyle: NameStyle;
}

/** Members who did not keep their full name on screens (everyone else: not in the map). */
export type ScreenChoices = ReadonlyMap<string, Exclude<ScreenNameChoice, 'full'>>;

/** A celebration before it is shown: who it names, so their choice can apply. */
export type CelebrationSource =
  | Extract<CelebrationPayload, { kind: 'team_target' }>
  | (Omit<Extract<CelebrationPayload, { kind: 'badge' }>, 'memberName'> & {
      member: MemberSummary | null;
    })
  | (Omit<Extract<CelebrationPayload, { kind: 'praise' }>, 'staffNames'> & {
      staff: MemberSummary[];
    });

/** One tick's changes for one scope (the organisation, or a team) before a screen's cut. */
export interface ScreenTickSource {
  removed?: KudosRemovedPayload;
  /** Newest first. */
  kudos: KudosDto[];
  board: {
    version: number;
    members: LeaderboardDto<MemberRankEntry>;
    teams: LeaderboardDto<TeamRankEntry>;
  };
  missions?: ScreenMissionDto[];
  celebrations: CelebrationSource[];
  praise: PraiseCardDto[];
}

/** Every member a source names: whose screen choices the view needs. */
export function namedIn(
  source: Partial<Omit<ScreenTickSource, 'board'>> & {
    board?: { members: LeaderboardDto<MemberRankEntry> };
  },
): string[] {
  return [
    ...(source.board?.members.entries.map((e) => e.memberId) ?? []),
    ...(source.kudos ?? []).flatMap((k) => [k.giver.id, ...k.recipients.map((r) => r.id)]),
    ...(source.praise ?? []).flatMap((p) => p.members.map((m) => m.id)),
    ...(source.celebrations ?? []).flatMap((c) =>
      c.kind === 'badge'
        ? c.member
          ? [c.member.id]
          : []
        : c.kind === 'praise'
          ? c.staff.map((s) => s.id)
          : [],
    ),
  ];
}

/** Competition ranks (1, 2, 2, 4) again among who is shown. */
function reRank<E extends { rank: number; points: number }>(entries: E[]): E[] {
  let rank = 0;
  return entries.map((entry, i) => {
    rank = i > 0 && entries[i - 1].points === entry.points ? rank : i + 1;
    return { ...entry, rank };
  });
}

/** The first `topN` and whoever ties with the last of them (the screen says "+2 tied"). */
function topWithTies<E extends { rank: number }>(entries: E[], topN: number): E[] {
  const last = entries[Math.min(topN, entries.length) - 1];
  return last ? entries.filter((e, i) => i < topN || e.rank === last.rank) : [];
}

/**
 * What one screen audience receives, cut on the server: names in the screen's style capped by
 * each member's choice, nobody who chose not to appear, and — public-safe — first names only,
 * no points, nobody past the top N. Everything a screen gets passes through here (the state
 * and every push), so what a customer could read off the wire is what the screen shows.
 */
export class ScreenView {
  private readonly style: NameStyle;

  constructor(
    private readonly audience: ScreenAudience,
    private readonly choices: ScreenChoices,
  ) {
    this.style = audience.publicSafe ? 'first_name' : audience.nameStyle;
  }

  /** A member's name as this screen shows it; null: they chose not to appear. */
  name(member: Pick<MemberSummary, 'id' | 'name'>): string | null {
    const choice = this.choices.get(member.id);
    if (choice === 'hidden') {
      return null;
    }
    return displayName(
      member.name,
      choice === 'first' ? stricterNameStyle(this.style, 'first_name') : this.style,
    );
  }

  /** A name whose owner's choice was applied already (a mission's recent completers). */
  styled(name: string): string {
    return displayName(name, this.style);
  }

  members(board: LeaderboardDto<MemberRankEntry>): LeaderboardDto<ScreenMemberEntry> {
    const shown = reRank(
      board.entries.flatMap((entry) => {
        const name = this.name({ id: entry.memberId, name: entry.name });
        return name === null ? [] : [{ ...entry, name }];
      }),
    );
    const entries: ScreenMemberEntry[] = this.audience.publicSafe
      ? topWithTies(shown, this.audience.topN).map(({ points: _, ...entry }) => entry)
      : shown;
    return { ...board, entries, me: null };
  }

  teams(board: LeaderboardDto<TeamRankEntry>): LeaderboardDto<ScreenTeamEntry> {
    const entries: ScreenTeamEntry[] = this.audience.publicSafe
      ? topWithTies(board.entries, this.audience.topN).map(
          ({ pointsPerMember: _, totalPoints: __, fte: ___, ...entry }) => entry,
        )
      : board.entries;
    return { ...board, entries, me: null };
  }

  /** A kudos that names someone who chose not to appear is not shown at all. */
  kudos(list: KudosDto[]): ScreenKudosDto[] {
    return list.flatMap((kudos): ScreenKudosDto[] => {
      const giver = this.name(kudos.giver);
      const recipients = kudos.recipients.map((r) => ({ ...r, name: this.name(r) }));
      if (giver === null || recipients.some((r) => r.name === null)) {
        return [];
      }
      const boosts = kudos.boosts.flatMap((b) => {
        const booster = this.name(b.booster);
        return booster === null ? [] : [{ ...b, booster: { ...b.booster, name: booster } }];
      });
      const shown = {
        ...kudos,
        giver: { ...kudos.giver, name: giver },
        recipients: recipients as MemberSummary[],
        boosts,
      };
      if (!this.audience.publicSafe) {
        return [shown];
      }
      // A boost is an amount of points too.
      const { points: _, ...safe } = shown;
      return [{ ...safe, boosts: [] }];
    });
  }

  /** A story keeps its words; staff who chose not to appear leave it to the team. */
  praise(list: PraiseCardDto[]): ScreenPraiseDto[] {
    return list.map((card) => {
      const members = card.members.flatMap((m) => {
        const name = this.name(m);
        return name === null ? [] : [{ ...m, name }];
      });
      const shown = { ...card, members };
      if (!this.audience.publicSafe) {
        return shown;
      }
      const { points: _, ...safe } = shown;
      return safe;
    });
  }

  celebrations(list: CelebrationSource[]): CelebrationPayload[] {
    return list.map((c) => {
      if (c.kind === 'badge') {
        const { member, ...rest } = c;
        return { ...rest, memberName: member ? this.name(member) : null };
      }
      if (c.kind === 'praise') {
        const { staff, ...rest } = c;
        return {
          ...rest,
          staffNames: staff.map((s) => this.name(s)).filter((n): n is string => n !== null),
        };
      }
      return c;
    });
  }

  missions(list: ScreenMissionDto[]): ScreenMissionDto[] {
    return list.map((m) => ({ ...m, recent: m.recent.map((name) => this.styled(name)) }));
  }

  /** One tick for this audience, in the shape of `tickPayload` (the newest kudos in full). */
  tick(source: ScreenTickSource): ScreenTickPayload {
    const kudos = this.kudos(source.kudos);
    const more = kudos.slice(LIVE_TICK_MAX_KUDOS).map((k) => k.id);
    const celebrations = this.celebrations(source.celebrations);
    return {
      ...(source.removed ? { 'kudos.removed': source.removed } : {}),
      ...(kudos.length > 0
        ? {
            'kudos.created': {
              items: kudos.slice(0, LIVE_TICK_MAX_KUDOS),
              ...(more.length ? { more } : {}),
            },
          }
        : {}),
      'leaderboard.updated': {
        version: source.board.version,
        members: this.members(source.board.members),
        teams: this.teams(source.board.teams),
      },
      ...(source.missions
        ? { 'missions.updated': { missions: this.missions(source.missions) } }
        : {}),
      ...(celebrations.length > 0 ? { celebrations } : {}),
      ...(source.praise.length > 0 ? { 'praise.approved': this.praise(source.praise) } : {}),
    };
  }
}
