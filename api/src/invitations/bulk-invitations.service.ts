import { Injectable } from '@nestjs/common';
import {
  LIMITS,
  type BulkCreatedInvitationDto,
  type BulkInvitationLineDto,
  type BulkInvitationPreviewDto,
  type BulkInvitationResultDto,
} from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { DomainException, invalid } from '../common/domain-exception';
import { Idempotency } from '../common/idempotency';
import { MembersService } from '../members/members.service';
import { TeamsService } from '../teams/teams.service';
import { parseBulkLines } from './bulk-invitation-lines';
import type { BulkInvitationDto } from './invitation.dto';
import { InvitationsService } from './invitations.service';

/** Many invitations from pasted lines: a preview first, then all or nothing. */
@Injectable()
export class BulkInvitationsService {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly members: MembersService,
    private readonly teams: TeamsService,
    private readonly idempotency: Idempotency,
  ) {}

  async preview(caller: AuthMember, dto: BulkInvitationDto): Promise<BulkInvitationPreviewDto> {
    const parsed = parseBulkLines(dto.text);
    if (parsed.length === 0) {
      throw invalid('text', 'required', 'Paste at least one line: name, e-mail[, team]');
    }
    if (parsed.length > LIMITS.bulkInviteLinesMax) {
      throw invalid('text', 'too_many', `At most ${LIMITS.bulkInviteLinesMax} lines at once`, {
        max: LIMITS.bulkInviteLinesMax,
      });
    }
    const teamIds = new Map(
      (await this.teams.list(caller.organizationId)).map((t) => [t.name.toLowerCase(), t.id]),
    );
    const taken = await this.members.existingEmails(parsed.map((p) => p.email));
    const lines = parsed.map((p): BulkInvitationLineDto => {
      const errors = [...p.errors];
      if (taken.has(p.email)) {
        errors.push({ field: 'email', code: 'already_member', params: {} });
      }
      const teamId = p.team === null ? null : (teamIds.get(p.team.toLowerCase()) ?? null);
      if (p.team !== null && teamId === null) {
        errors.push({ field: 'team', code: 'unknown_team', params: {} });
      }
      return { line: p.line, name: p.name, email: p.email, team: p.team, teamId, errors };
    });
    return { lines, valid: lines.filter((l) => l.errors.length === 0).length };
  }

  /**
   * Creates every line's invitation through `InvitationsService.create` in one transaction,
   * or none when a line has a problem. A replay of the same key answers the stored list
   * without links: their secrets are never stored.
   */
  async create(
    caller: AuthMember,
    dto: BulkInvitationDto,
    idempotencyKey?: string,
    /** The address the admin is using, for the links (as for one invitation). */
    origin?: string,
  ): Promise<BulkInvitationResultDto> {
    let fresh: BulkCreatedInvitationDto[] = [];
    const once = await this.idempotency.once(
      caller,
      idempotencyKey,
      { op: 'invitations.bulk', dto },
      async () => {
        const preview = await this.preview(caller, dto);
        if (preview.valid < preview.lines.length) {
          throw new DomainException(
            'bulk_invitation_invalid',
            'Some lines have problems; nothing was created.',
            { params: { lines: preview.lines.length - preview.valid } },
          );
        }
        fresh = [];
        for (const line of preview.lines) {
          const { token: _secret, ...created } = await this.invitations.create(
            caller,
            {
              name: line.name,
              email: line.email,
              role: dto.role ?? 'employee',
              teamId: line.teamId,
            },
            origin,
          );
          fresh.push(created);
        }
        return fresh.map((i) => ({ ...i, url: null }));
      },
    );
    return once.replayed
      ? { invitations: once.result, replayed: true }
      : { invitations: fresh, replayed: false };
  }
}
