import { Injectable } from '@nestjs/common';
import type { ProfileDto } from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { MembersService } from '../members/members.service';
import { PointsReadService } from '../points/points-read.service';
import { KudosRepository } from './kudos.repository';

/** A colleague's profile: who they are (members), their points (points) and kudos by value (here). */
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
}
