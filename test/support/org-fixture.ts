import type { Role, SessionDto } from '@bravo/shared';
import type { TestApp } from './test-app';

export interface OrgFixture {
  admin: SessionDto;
  teams: { id: string; name: string }[];
  valueId: string;
  /** Members by handle, each logged in. */
  people: Record<string, SessionDto>;
}

/** An organisation with teams, one brand value and logged-in members, built over HTTP. */
export async function orgFixture(
  t: TestApp,
  spec: {
    timezone?: string;
    teams?: string[];
    /** `manages`: the teams (by index) a manager manages. */
    people: Record<string, { role?: Role; team?: number; manages?: number[] }>;
    rules?: Record<string, number>;
  },
): Promise<OrgFixture> {
  const admin = await t.api.signup({ timezone: spec.timezone ?? 'Europe/London' });
  const auth = { token: admin.token };
  if (spec.rules) {
    await t.api.call('PATCH', '/api/v1/organization', { ...auth, body: { rules: spec.rules } });
  }
  const teams: { id: string; name: string }[] = [];
  for (const name of spec.teams ?? ['Store A']) {
    teams.push((await t.api.call('POST', '/api/v1/teams', { ...auth, body: { name } })).body);
  }
  const value = await t.api.call('POST', '/api/v1/values', {
    ...auth,
    body: { name: 'Own It', hashtag: 'OwnIt' },
  });
  const people: Record<string, SessionDto> = {};
  await Promise.all(
    Object.entries(spec.people).map(async ([handle, p]) => {
      const email = `${handle}-${Math.random().toString(36).slice(2, 8)}@example.com`;
      people[handle] = await t.api.addMember(
        admin.token,
        { email, name: handle, role: p.role ?? 'employee', teamId: teams[p.team ?? 0]?.id },
        'fixture-password',
      );
    }),
  );
  for (const [handle, p] of Object.entries(spec.people)) {
    if (p.manages) {
      const managed = await t.api.call('PATCH', `/api/v1/members/${people[handle].member.id}`, {
        ...auth,
        body: { managedTeamIds: p.manages.map((i) => teams[i].id) },
      });
      if (managed.status !== 200) {
        throw new Error(`could not make ${handle} a manager of teams ${p.manages.join(', ')}`);
      }
    }
  }
  return { admin, teams, valueId: value.body.id, people };
}

/** Sums straight from the database: the ledger, the all-time totals, and allowances spent. */
export async function pointSums(
  t: TestApp,
): Promise<{ ledger: number; totals: number; spent: number; given: number }> {
  const [row] = await t.db.query(
    `SELECT (SELECT coalesce(sum(amount), 0)::int FROM ledger_entries) AS ledger,
            (SELECT coalesce(sum(points), 0)::int FROM point_totals WHERE period_type = 'all') AS totals,
            (SELECT coalesce(sum(spent), 0)::int FROM allowances) AS spent,
            (SELECT coalesce(sum(amount), 0)::int FROM ledger_entries WHERE account = 'given') AS given`,
  );
  return row;
}
