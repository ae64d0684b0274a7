import { AUDIT_ACTIONS, type AuditAction, type AuditEntryDto, type AuditPage } from '@bravo/shared';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

/** Every state-changing manager/admin route, by `x-audit-action`: a new one fails until listed here. */
type Scenario = (ctx: Ctx) => Promise<{ status: number; body?: unknown }>;
interface Ctx {
  admin: string;
  boss: string;
  ana: string;
  org: OrgFixture;
}

describe('audit log', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  const tok = (handle: string) => org.people[handle].token;

  const entries = async (token: string, query = ''): Promise<AuditEntryDto[]> => {
    const page = await t.api.call<AuditPage>('GET', `/api/v1/audit?limit=200${query}`, { token });
    expect(page.status).toBe(200);
    return page.body.items;
  };
  const count = async () =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_entries`))[0].n);

  const post = (token: string, path: string, body?: unknown) =>
    t.api.call('POST', `/api/v1${path}`, { token, body });
  const patch = (token: string, path: string, body: unknown) =>
    t.api.call('PATCH', `/api/v1${path}`, { token, body });
  const del = (token: string, path: string) => t.api.call('DELETE', `/api/v1${path}`, { token });

  const newMission = async (c: Ctx, extra: Record<string, unknown> = {}) =>
    (
      await post(c.boss, '/missions', {
        title: `Mission ${Math.random()}`,
        points: 5,
        teamIds: [c.org.teams[0].id],
        kind: 'evidence',
        evidence: 'text',
        ...extra,
      })
    ).body as { id: string };
  const published = async (c: Ctx, extra: Record<string, unknown> = {}) => {
    const m = await newMission(c, extra);
    await post(c.boss, `/missions/${m.id}/publish`);
    return m;
  };
  const submission = async (c: Ctx) => {
    const m = await published(c, { kind: 'evidence', evidence: 'text' });
    return (await post(c.ana, `/missions/${m.id}/submissions`, { text: 'Did it.' })).body as {
      id: string;
    };
  };
  const praise = async (c: Ctx) =>
    (
      await post(c.ana, '/praise', {
        memberIds: [c.org.people.cat.member.id],
        channel: 'in_store',
        text: 'Lovely service today',
      })
    ).body as { id: string };
  const display = async (c: Ctx) =>
    (await post(c.boss, '/displays', { name: 'Till TV', scope: 'team', teamId: c.org.teams[0].id }))
      .body as { id: string };
  const badge = async (c: Ctx) =>
    (
      await post(c.admin, '/badges', {
        name: `Liked ${Math.random()}`,
        icon: 'heart',
        metric: 'kudos_received',
        threshold: 2,
        window: 'all_time',
      })
    ).body as { id: string };
  const value = async (c: Ctx) =>
    (await post(c.admin, '/values', { name: 'Be Kind', hashtag: `Kind${Date.now()}` })).body as {
      id: string;
    };

  // Keyed by every action there is: the compiler refuses a missing scenario.
  const SCENARIOS: Record<AuditAction, Scenario> = {
    'badge.created': (c) =>
      post(c.admin, '/badges', {
        name: 'Well Liked',
        icon: 'heart',
        metric: 'kudos_received',
        threshold: 2,
        window: 'all_time',
      }),
    'badge.updated': async (c) =>
      patch(c.admin, `/badges/${(await badge(c)).id}`, { name: 'Renamed badge' }),
    'badge.deactivated': async (c) => post(c.admin, `/badges/${(await badge(c)).id}/deactivate`),
    'display.created': (c) =>
      post(c.boss, '/displays', { name: 'Lobby', scope: 'team', teamId: c.org.teams[0].id }),
    'display.updated': async (c) =>
      patch(c.boss, `/displays/${(await display(c)).id}`, { name: 'Back room' }),
    'display.revoked': async (c) => del(c.boss, `/displays/${(await display(c)).id}`),
    'display.paired': async (c) => {
      const started = await t.api.call<{ code: string }>('POST', '/api/v1/display-pairings');
      return post(c.admin, '/displays/pair', {
        code: started.body.code,
        name: 'Paired',
        scope: 'organization',
      });
    },
    'invitation.created': (c) =>
      post(c.admin, '/invitations', {
        email: `n${Date.now()}@example.com`,
        name: 'New One',
        role: 'employee',
      }),
    'invitation.bulk_created': (c) =>
      post(c.admin, '/invitations/bulk', { text: `Kai, kai${Date.now()}@bulk.example` }),
    'member.imported': (c) =>
      post(c.admin, '/member-import/apply', {
        csv: `name,email\nKai Import,kai${Date.now()}@import.example\n`,
      }),
    'invitation.revoked': async (c) => {
      const inv = await post(c.admin, '/invitations', {
        email: `r${Date.now()}@example.com`,
        name: 'Gone',
        role: 'employee',
      });
      return del(c.admin, `/invitations/${(inv.body as { id: string }).id}`);
    },
    'kudos.hidden': async (c) => {
      const k = await post(c.ana, '/kudos', {
        recipientIds: [c.org.people.boss.member.id],
        valueId: c.org.valueId,
        message: 'Thanks for the cover',
        points: 1,
      });
      return post(c.admin, `/kudos/${(k.body as { id: string }).id}/hide`);
    },
    'member.updated': (c) =>
      patch(c.admin, `/members/${c.org.people.ana.member.id}`, { name: 'Ana Updated' }),
    'member.reset_link_created': (c) =>
      post(c.admin, '/password-resets', { memberId: c.org.people.ana.member.id }),
    'mission_submission.approved': async (c) =>
      post(c.boss, `/mission-submissions/${(await submission(c)).id}/approve`),
    'mission_submission.rejected': async (c) =>
      post(c.boss, `/mission-submissions/${(await submission(c)).id}/reject`, {
        reason: 'Which dish?',
      }),
    'mission.created': (c) =>
      post(c.boss, '/missions', {
        title: 'Learn the menu',
        points: 5,
        teamIds: [c.org.teams[0].id],
        kind: 'evidence',
        evidence: 'text',
      }),
    'mission.updated': async (c) =>
      patch(c.boss, `/missions/${(await newMission(c)).id}`, {
        title: 'Learn the new menu',
        points: 5,
        teamIds: [c.org.teams[0].id],
        kind: 'evidence',
        evidence: 'text',
      }),
    'mission.published': async (c) => post(c.boss, `/missions/${(await newMission(c)).id}/publish`),
    'mission.closed': async (c) => post(c.boss, `/missions/${(await published(c)).id}/close`),
    'mission.repeated': async (c) => post(c.boss, `/missions/${(await published(c)).id}/repeat`),
    'organization.updated': (c) =>
      patch(c.admin, '/organization', { rules: { allowanceEmployee: 120 } }),
    'praise.approved': async (c) =>
      post(c.boss, `/praise/${(await praise(c)).id}/approve`, { valueId: c.org.valueId }),
    'praise.rejected': async (c) =>
      post(c.boss, `/praise/${(await praise(c)).id}/reject`, { reason: 'Not a customer' }),
    'team.created': (c) => post(c.admin, '/teams', { name: `Team ${Date.now()}` }),
    'team.renamed': (c) =>
      patch(c.admin, `/teams/${c.org.teams[1].id}`, { name: `Renamed ${Date.now()}` }),
    'team.deleted': async (c) => {
      const team = await post(c.admin, '/teams', { name: `Doomed ${Date.now()}` });
      return del(c.admin, `/teams/${(team.body as { id: string }).id}`);
    },
    'value.created': (c) => post(c.admin, '/values', { name: 'Go Further', hashtag: 'GoFurther' }),
    'value.updated': async (c) =>
      patch(c.admin, `/values/${(await value(c)).id}`, { name: 'Be Kinder' }),
    'value.deleted': async (c) => del(c.admin, `/values/${(await value(c)).id}`),
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        ana: { team: 0 },
        cat: { team: 0 },
      },
    });
    other = await orgFixture(t, { people: { eve: {} } });
  });
  afterAll(() => t.close());

  const ctx = (): Ctx => ({ admin: org.admin.token, boss: tok('boss'), ana: tok('ana'), org });

  it('lists every state-changing manager or admin route as audited (or says why not)', async () => {
    const doc = (await t.api.ok('GET', '/api/openapi.json')) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const audited: string[] = [];
    const unaccounted: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const role = op['x-min-role'];
        if (method === 'get' || (role !== 'manager' && role !== 'admin')) {
          continue;
        }
        if (typeof op['x-audit-action'] === 'string') {
          audited.push(op['x-audit-action']);
        } else if (typeof op['x-audit-none'] !== 'string') {
          unaccounted.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(unaccounted).toEqual([]);
    // Each action names one route, and the list the web filters by holds exactly these.
    expect(audited.sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it.each([...AUDIT_ACTIONS])('records %s, once, by whoever did it', async (action) => {
    const c = ctx();
    const response = await SCENARIOS[action](c);
    if (response.status >= 300) {
      throw new Error(`${action}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const found = (await entries(c.admin, `&action=${action}`)).filter((e) => e.action === action);
    expect(found.length).toBeGreaterThanOrEqual(1);
    const [entry] = found;
    expect(entry.actor.role === 'admin' || entry.actor.role === 'manager').toBe(true);
    expect(entry.targetType).toBe(action.split('.')[0]);
    // A bulk invitation or an import has many targets (they are in `after`).
    expect(entry.targetId).toEqual(
      ['invitation.bulk_created', 'member.imported'].includes(action) ? null : expect.any(String),
    );
    expect(entry.requestId).toEqual(expect.any(String));
    // No secret ever reaches the log.
    expect(JSON.stringify(entry)).not.toMatch(/"(token|url|link|passwordHash|contact)"/);
  });

  it('keeps before → after for updates', async () => {
    const c = ctx();
    const team = (await post(c.admin, '/teams', { name: 'Quay Side' })).body as { id: string };
    await patch(c.admin, `/teams/${team.id}`, { name: 'Quayside' });
    const [renamed] = await entries(c.admin, `&action=team.renamed&targetType=team`);
    expect(renamed).toMatchObject({
      targetId: team.id,
      before: { name: 'Quay Side' },
      after: { name: 'Quayside' },
      actor: { id: org.admin.member.id, role: 'admin' },
    });

    const ana = org.people.ana.member.id;
    await patch(c.admin, `/members/${ana}`, { name: 'Ana María' });
    const [member] = await entries(c.admin, `&action=member.updated`);
    expect(member.targetId).toBe(ana);
    expect((member.after as { name: string }).name).toBe('Ana María');
    expect(member.before).toEqual(expect.objectContaining({ id: ana }));
    expect((member.before as { name: string }).name).not.toBe('Ana María');

    await patch(c.admin, '/organization', { rules: { allowanceEmployee: 140 } });
    const [rules] = await entries(c.admin, `&action=organization.updated`);
    expect(rules.targetId).toBe(org.admin.member.organization.id);
    expect(rules.before).toEqual(expect.objectContaining({ rules: expect.any(Object) }));
    expect((rules.after as { rules: { allowanceEmployee: number } }).rules.allowanceEmployee).toBe(
      140,
    );

    const created = (
      await post(c.boss, '/displays', { name: 'Window', scope: 'team', teamId: org.teams[0].id })
    ).body as { id: string };
    await patch(c.boss, `/displays/${created.id}`, { name: 'Shop window' });
    const [screen] = await entries(c.admin, `&action=display.updated`);
    expect(screen).toMatchObject({
      targetId: created.id,
      before: { name: 'Window' },
      after: { name: 'Shop window' },
      actor: { id: org.people.boss.member.id, name: 'boss', role: 'manager' },
    });
  });

  it('records a repeat answered from its Idempotency-Key once, not twice', async () => {
    const email = `repeat${Date.now()}@bulk.example`;
    const send = () =>
      t.api.call('POST', '/api/v1/invitations/bulk', {
        token: org.admin.token,
        body: { text: `Rae, ${email}` },
        headers: { 'idempotency-key': `bulk-${email}` },
      });
    expect((await send()).status).toBeLessThan(300);
    expect((await send()).status).toBeLessThan(300);
    const sent = (await entries(org.admin.token, '&action=invitation.bulk_created')).filter((e) =>
      JSON.stringify(e.after).includes(email),
    );
    expect(sent).toHaveLength(1);
  });

  it('records nothing for what employees do, nor for refused actions', async () => {
    const before = await count();
    const kudos = await post(tok('ana'), '/kudos', {
      recipientIds: [org.people.boss.member.id],
      valueId: org.valueId,
      message: 'Great help at the till',
      points: 1,
    });
    expect(kudos.status).toBe(201);
    await patch(tok('ana'), '/me', { name: 'Ana' });
    expect((await post(tok('ana'), '/teams', { name: 'Mine' })).status).toBe(403);
    // A failing admin action rolls back with its entry.
    const taken = await post(org.admin.token, '/teams', { name: org.teams[0].name });
    expect(taken.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries in the database', async () => {
    await post(org.admin.token, '/teams', { name: `Proof ${Date.now()}` });
    const before = await count();
    await expect(t.db.query(`UPDATE audit_entries SET action = 'x.y'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM audit_entries`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });

  it('is for admins only, and each organisation sees only its own', async () => {
    for (const token of [tok('boss'), tok('ana')]) {
      expect((await t.api.call('GET', '/api/v1/audit', { token })).status).toBe(403);
      expect((await t.api.call('GET', '/api/v1/audit/export.csv', { token })).status).toBe(403);
    }
    expect((await t.api.call('GET', '/api/v1/audit')).status).toBe(401);
    await post(other.admin.token, '/teams', { name: 'Elsewhere' });
    const theirs = await entries(other.admin.token);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((e) => e.actor.id === other.admin.member.id)).toBe(true);
    const ours = await entries(org.admin.token);
    expect(ours.some((e) => e.actor.id === other.admin.member.id)).toBe(false);
  });

  it('filters by actor, action, target type and time, and pages with a cursor', async () => {
    const boss = org.people.boss.member.id;
    const byBoss = await entries(org.admin.token, `&actorId=${boss}`);
    expect(byBoss.length).toBeGreaterThan(0);
    expect(byBoss.every((e) => e.actor.id === boss)).toBe(true);
    const missions = await entries(org.admin.token, '&targetType=mission');
    expect(missions.length).toBeGreaterThan(0);
    expect(missions.every((e) => e.targetType === 'mission')).toBe(true);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await entries(org.admin.token, `&from=${encodeURIComponent(future)}`)).toEqual([]);
    const all = await entries(org.admin.token, `&to=${encodeURIComponent(future)}`);
    expect(all.length).toBeGreaterThan(3);

    const first = await t.api.ok<AuditPage>('GET', '/api/v1/audit?limit=2', {
      token: org.admin.token,
    });
    expect(first.items).toHaveLength(2);
    const second = await t.api.ok<AuditPage>(
      'GET',
      `/api/v1/audit?limit=2&cursor=${first.nextCursor}`,
      { token: org.admin.token },
    );
    expect(second.items.map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));

    for (const bad of ['limit=0', 'limit=201', 'cursor=abc', 'from=yesterday', 'actorId=nope']) {
      const answer = await t.api.call('GET', `/api/v1/audit?${bad}`, { token: org.admin.token });
      expect(answer.status).toBe(400);
    }
  });

  it("reads a plain date as that day in the organisation's time zone, the end day included", async () => {
    const admin = org.admin.token;
    const dayOf = (instant: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant));
    const shift = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    // 14 hours ahead of UTC and 11 behind: at any hour of the day one of them is a day off UTC.
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      await patch(admin, '/organization', { timezone });
      const [newest] = await entries(admin);
      const local = dayOf(newest.at, timezone);
      const within = await entries(admin, `&from=${local}&to=${local}`);
      expect(within.map((e) => e.id)).toContain(newest.id);
      expect(within.every((e) => dayOf(e.at, timezone) === local)).toBe(true);
      const before = await entries(admin, `&to=${shift(local, -1)}`);
      expect(before.map((e) => e.id)).not.toContain(newest.id);
      expect(await entries(admin, `&from=${shift(local, 1)}`)).toEqual([]);
    }
    for (const bad of ['from=2026-12-08&to=2026-12-07', 'action=member.exploded', 'targetType=x']) {
      const answer = await t.api.call<{ code: string }>('GET', `/api/v1/audit?${bad}`, {
        token: admin,
      });
      expect(answer.status).toBe(400);
    }
  });

  it('exports CSV: BOM, RFC 4180 quoting, formula cells neutralised, Arabic intact', async () => {
    const admin = org.admin.token;
    await post(admin, '/teams', { name: '=HYPERLINK("x"), "quoted"' });
    await post(admin, '/teams', { name: 'فرع الميناء' });
    const response = await fetch(`${t.baseUrl}/api/v1/audit/export.csv?action=team.created`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'at,actor_id,actor_name,actor_role,action,target_type,target_id,before,after,request_id,ip_address',
    );
    expect(lines[lines.length - 1]).toBe('');
    const rows = lines.slice(1, -1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.includes(',team.created,team,'))).toBe(true);
    expect(text).toContain('فرع الميناء');
    // A cell a spreadsheet would run as a formula gets a leading '.
    await patch(admin, '/me', { name: '=1+1' });
    await post(admin, '/teams', { name: 'Formula Corner' });
    const again = await fetch(`${t.baseUrl}/api/v1/audit/export.csv?action=team.created`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await again.text()).toContain(`,${org.admin.member.id},'=1+1,admin,team.created,`);
    // The JSON cell is quoted and its quotes doubled; the name inside stays as typed.
    expect(text).toContain('""name"":""=HYPERLINK(\\""x\\""), \\""quoted\\""""');
  });
});
