import type { CreatedDisplayDto, DisplayStateDto } from '@bravo/shared';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

/** What a screen could read off the wire: every message, as text. */
function wiretap(socket: LiveClient): string[] {
  const seen: string[] = [];
  socket.onAny((event: string, payload: unknown) => seen.push(JSON.stringify([event, payload])));
  return seen;
}

describe('screens facing customers: public-safe mode and members’ screen choices', () => {
  let t: TestApp;
  let org: OrgFixture;
  const sockets: LiveClient[] = [];
  const as = (handle: string) => ({ token: org.people[handle].token });
  const give = (giver: string, to: string, points: number) =>
    t.api.call('POST', '/api/v1/kudos', {
      ...as(giver),
      body: {
        recipientIds: [org.people[to].member.id],
        valueId: org.valueId,
        message: `From ${giver} to ${to}, thank you!`,
        points,
      },
    });
  const screen = async (body: Record<string, unknown>) => {
    const created = await t.api.call<CreatedDisplayDto>('POST', '/api/v1/displays', {
      token: org.admin.token,
      body: { name: 'Counter TV', scope: 'organization', ...body },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const stateOf = async (token: string) => {
    const res = await t.api.call<DisplayStateDto>('GET', '/api/v1/display/state', {
      headers: { authorization: `Display ${token}` },
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const connect = async (token: string) => {
    const socket = await connectLive(t.baseUrl, { displayToken: token });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      teams: ['Harbour'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        ana: { team: 0 },
        ben: { team: 0 },
        cat: { team: 0 },
      },
      rules: { maxKudosPerDay: 1000, maxShareToOneRecipientPercent: 100, allowanceEmployee: 10000 },
    });
    const rename = async (handle: string, body: Record<string, unknown>) =>
      expect((await t.api.call('PATCH', '/api/v1/me', { ...as(handle), body })).status).toBe(200);
    await rename('ana', { name: 'Ana Lima' });
    await rename('ben', { name: 'Ben Costa' });
    await rename('cat', { name: 'Cat Moreno', screenName: 'hidden' });
    for (const [from, to, points] of [
      ['ben', 'ana', 7],
      ['ana', 'ben', 5],
      ['ana', 'cat', 3],
    ] as const) {
      expect((await give(from, to, points)).status).toBe(201);
    }
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('a new screen is public-safe unless asked otherwise, and a member cannot pick a bad choice', async () => {
    expect((await screen({})).publicSafe).toBe(true);
    const bad = await t.api.call('PATCH', '/api/v1/me', {
      ...as('ben'),
      body: { screenName: 'loud' },
    });
    expect(bad.status).toBe(400);
  });

  it('GET /display/state: first names, no points, nobody who chose not to appear', async () => {
    const safe = await screen({ publicSafe: true, topN: 1 });
    const open = await screen({ publicSafe: false, nameStyle: 'full_name' });

    const safeState = await stateOf(safe.token);
    const text = JSON.stringify(safeState);
    expect(text).not.toMatch(/"points"|"pointsPerMember"|"totalPoints"|"fte"/);
    expect(text).not.toMatch(/Cat|Moreno|Lima|Costa/);
    // Top 1 only: the leader (Ana, 7 points) and nobody below to be compared with.
    expect(safeState.members.entries.map((e) => e.name)).toEqual(['Ana']);
    // The kudos naming Cat is not shown at all; the others are.
    expect(safeState.kudos).toHaveLength(2);

    const openState = await stateOf(open.token);
    expect(openState.members.entries.map((e) => [e.name, e.points])).toEqual([
      ['Ana Lima', 7],
      ['Ben Costa', 5],
    ]);
    expect(JSON.stringify(openState)).not.toMatch(/Cat|Moreno/);
    expect(openState.kudos.every((k) => typeof k.points === 'number')).toBe(true);
    // Her points still count for her team.
    expect(openState.teams.entries[0].totalPoints).toBe(15);
  });

  it('every push to a public-safe screen is cut the same way, praise included', async () => {
    const safe = await screen({ publicSafe: true });
    const open = await screen({ publicSafe: false, nameStyle: 'full_name' });
    const safeWire = wiretap(await connect(safe.token));
    const openSocket = await connect(open.token);
    const openBoards = record(openSocket, 'leaderboard.updated');
    const openPraise = record(openSocket, 'praise.approved');
    const openWire = wiretap(openSocket);

    expect((await give('ben', 'ana', 4)).status).toBe(201);
    expect((await give('ben', 'cat', 2)).status).toBe(201);
    const praise = await t.api.call<{ id: string }>('POST', '/api/v1/praise', {
      ...as('ben'),
      body: {
        memberIds: [org.people.ana.member.id, org.people.cat.member.id],
        channel: 'in_store',
        text: 'Ana and Cat made our morning',
        customerName: 'Maria Silva',
      },
    });
    expect(praise.status).toBe(201);
    const approved = await t.api.call('POST', `/api/v1/praise/${praise.body.id}/approve`, {
      ...as('boss'),
      body: { valueId: org.valueId },
    });
    expect(approved.status).toBe(200);

    await until(
      () =>
        openPraise.length > 0 &&
        openBoards.some((b) => b.members.entries.find((e) => e.name === 'Ana Lima')?.points === 11),
    );
    await until(
      () =>
        safeWire.some((m) => m.includes('praise.approved')) &&
        safeWire.some((m) => m.includes('leaderboard.updated')),
    );
    const safeText = safeWire.join('\n');
    expect(safeText).not.toMatch(/"points"|"pointsPerMember"|"totalPoints"|"bonusPoints"/);
    expect(safeText).not.toMatch(/"name":"Cat|Moreno|Lima|Costa/);
    // A customer's words are kept as written; only the names the screen shows are cut.
    expect(safeText).toContain('Ana and Cat made our morning');
    expect(safeText).toContain('"staffNames":["Ana"]');

    // The open screen shows points and full names, but never Cat.
    expect(openPraise[0][0].members.map((m) => m.name)).toEqual(['Ana Lima']);
    expect(openWire.join('\n')).not.toMatch(/Moreno/);
  });

  it('turning public-safe on moves a connected screen: it reconnects and gets the safe cut', async () => {
    const display = await screen({ publicSafe: false });
    const socket = await connect(display.token);
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const turned = await t.api.call('PATCH', `/api/v1/displays/${display.id}`, {
      token: org.admin.token,
      body: { publicSafe: true },
    });
    expect(turned.status).toBe(200);
    await dropped;

    const again = await connect(display.token);
    const wire = wiretap(again);
    const boards = record(again, 'leaderboard.updated');
    expect((await give('ana', 'ben', 6)).status).toBe(201);
    await until(() => boards.length > 0);
    expect(wire.join('\n')).not.toMatch(/"points"|"totalPoints"/);
    expect(boards[0].members.entries.every((e) => e.points === undefined)).toBe(true);
  });
});
