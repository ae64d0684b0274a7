import { Injectable } from '@nestjs/common';
import type {
  MemberImportAction,
  MemberImportPreviewDto,
  MemberImportResultDto,
  MemberImportRowDto,
} from '@bravo/shared';
import type { AuthMember } from '../auth/auth-member';
import { DomainException } from '../common/domain-exception';
import { Transactions } from '../database/transactions';
import type { Invitation } from '../invitations/invitation.entity';
import { InvitationsService } from '../invitations/invitations.service';
import type { Member } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { TeamsService } from '../teams/teams.service';
import { parseImportCsv, type ImportRow } from './member-import-csv';

/** A checked row with what applying it writes. */
interface Plan {
  row: MemberImportRowDto;
  teamId: string | null;
  member?: Member;
  invitation?: Invitation;
}

/** The fields of a known member or pending invitation that a row changes (blank cells change nothing). */
function changesOf(known: Member | Invitation, row: ImportRow, teamId: string | null): string[] {
  const changes: string[] = [];
  if (row.name !== known.name) {
    changes.push('name');
  }
  if (row.role !== null && row.role !== known.role) {
    changes.push('role');
  }
  if (row.team !== null && teamId !== known.teamId) {
    changes.push('team');
  }
  if (row.partTimeFactor !== null && row.partTimeFactor !== known.partTimeFactor) {
    changes.push('partTimeFactor');
  }
  return changes;
}

const countsOf = (rows: MemberImportRowDto[]): Record<MemberImportAction, number> => {
  const counts = { invite: 0, update: 0, unchanged: 0, error: 0 };
  rows.forEach((r) => counts[r.action]++);
  return counts;
};

/**
 * Members from a CSV file: a preview that writes nothing, then an apply that is idempotent —
 * it invites only addresses with no member and no usable invitation, changes members and
 * pending invitations only where a cell differs, and re-sends nothing.
 */
@Injectable()
export class MemberImportService {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly teams: TeamsService,
    private readonly transactions: Transactions,
  ) {}

  async preview(caller: AuthMember, csv: string): Promise<MemberImportPreviewDto> {
    const rows = (await this.plan(caller, csv)).map((p) => p.row);
    return { rows, counts: countsOf(rows) };
  }

  /** All or nothing: a file with a row in error writes nothing (422). */
  apply(caller: AuthMember, csv: string, origin?: string): Promise<MemberImportResultDto> {
    const org = caller.organizationId;
    return this.transactions.run(async () => {
      // A second submit of the same file waits here, then finds everything done.
      await this.invitations.lockImports(org);
      const plans = await this.plan(caller, csv);
      const counts = countsOf(plans.map((p) => p.row));
      if (counts.error > 0) {
        throw new DomainException(
          'member_import_invalid',
          'Some rows have problems; nothing was imported.',
          { params: { rows: counts.error } },
        );
      }
      const invited: MemberImportResultDto['invited'] = [];
      for (const { row, teamId, member, invitation } of plans) {
        if (row.action === 'invite') {
          const created = await this.invitations.create(
            caller,
            {
              name: row.name,
              email: row.email,
              role: row.role ?? 'employee',
              teamId,
              partTimeFactor: row.partTimeFactor ?? 1,
            },
            origin,
          );
          invited.push({
            email: row.email,
            name: row.name,
            url: created.url,
            emailed: created.emailed,
          });
        } else if (row.action === 'update') {
          const fields = {
            name: row.name,
            ...(row.changes.includes('role') && row.role ? { role: row.role } : {}),
            ...(row.changes.includes('team') ? { teamId } : {}),
            ...(row.changes.includes('partTimeFactor') && row.partTimeFactor !== null
              ? { partTimeFactor: row.partTimeFactor }
              : {}),
          };
          if (member) {
            await this.members.update(caller, member.id, fields);
          } else if (invitation) {
            await this.invitations.updatePending(org, invitation.id, fields);
          }
        }
      }
      return { counts, invited };
    });
  }

  private async plan(caller: AuthMember, csv: string): Promise<Plan[]> {
    const org = caller.organizationId;
    const parsed = parseImportCsv(csv);
    const emails = parsed.filter((r) => r.errors.length === 0).map((r) => r.email);
    // One after the other: inside `apply` they share the transaction's connection.
    const teams = await this.teams.list(org);
    const members = await this.members.inOrganizationByEmail(org, emails);
    const pending = await this.invitations.usableByEmail(org, emails);
    const taken = await this.members.existingEmails(emails);
    const teamIds = new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
    return parsed.map((r): Plan => {
      const errors = [...r.errors];
      const teamId = r.team === null ? null : (teamIds.get(r.team.toLowerCase()) ?? null);
      if (r.team !== null && teamId === null) {
        errors.push({ field: 'team', code: 'unknown_team', params: {} });
      }
      const member = members.get(r.email);
      const invitation = member ? undefined : pending.get(r.email);
      if (!member && taken.has(r.email)) {
        errors.push({ field: 'email', code: 'member_elsewhere', params: {} });
      }
      const known = member ?? invitation;
      const changes = known && errors.length === 0 ? changesOf(known, r, teamId) : [];
      if (member?.id === caller.id && changes.includes('role')) {
        errors.push({ field: 'role', code: 'own_role', params: {} });
      }
      const action: MemberImportAction =
        errors.length > 0
          ? 'error'
          : !known
            ? 'invite'
            : changes.length > 0
              ? 'update'
              : 'unchanged';
      return {
        row: {
          line: r.line,
          name: r.name,
          email: r.email,
          role: r.role,
          team: r.team,
          partTimeFactor: r.partTimeFactor,
          action,
          existing: member ? 'member' : invitation ? 'invitation' : null,
          changes: action === 'error' ? [] : changes,
          errors,
        },
        teamId,
        member,
        invitation,
      };
    });
  }
}
