import { Injectable } from '@nestjs/common';
import type { HistoryEntryDto, HistoryKudosDto, ProfileDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { MembersService } from '../members/members.service';
import { PointsReadService } from '../points/points-read.service';
import { KudosRepository } from './kudos.repository';

/**
 * A colleague's profile: who they are (members), their points (points) and kudos by value
 * (here); their points history names the kudos behind each entry (here).
 */
@Injectable()
export class MemberProfileService {
  constructor(
    private readonly members: MembersService,
    private readonly points: PointsReadService,
    private readonly kudos: KudosRepository,
  ) {}

  async profile(caller: AuthMember, memberId: string): Promise<ProfileDto> {
    const member = await this.members.get(caller.organizationId, memberId);
    const { earned, given } = await this.points.summary(caller.organizationId, memberId);
    const byValue = await this.kudos.receivedByValue(memberId);
    return {
      member: { id: member.id, name: member.name, teamId: member.teamId, role: member.role },
      earned,
      given,
      byValue: byValue.map((v) => ({
        valueId: v.value_id,
        name: v.name,
        emoji: v.emoji,
        color: v.color,
        kudos: v.kudos,
        points: v.points,
      })),
    };
  }

  async history(caller: AuthMember, memberId: string): Promise<HistoryEntryDto[]> {
    const entries = await this.points.history(caller, memberId);
    const ids = (type: string) =>
      entries.filter((e) => e.sourceType === type && e.sourceId).map((e) => e.sourceId as string);
    const sources = await this.kudos.historySources(
      caller.organizationId,
      ids('kudos'),
      ids('boost'),
    );
    const bySource = new Map(
      sources.map((row): [string, HistoryKudosDto] => [
        row.source_id,
        {
          id: row.kudos_id,
          giver: { id: row.giver_id, name: row.giver_name },
          recipients: row.recipients,
          booster: row.booster_id ? { id: row.booster_id, name: row.booster_name ?? '' } : null,
          valueName: row.value_name,
        },
      ]),
    );
    return entries.map((e) => ({
      ...e,
      kudos: e.sourceId ? (bySource.get(e.sourceId) ?? null) : null,
    }));
  }
}
