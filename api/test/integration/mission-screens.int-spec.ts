import type { CreatedDisplayDto, DisplayStateDto } from '@bravo/shared';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('missions on the TV screens', () => {
  let t: TestApp;
  let org: OrgFixture;
  const sockets: LiveClient[] = [];
  const clock = new ManualClock(new Date('2026-12-10T12:00:00Z'));

  const as = (handle: string) => ({ token: org.people[handle].token });
  const screen = async (body: Record<string, unknown>) => {
    const created = await t.api.call<CreatedDisplayDto>('POST', '/api/v1/displays', {
      token: org.admin.token,
      body: { name: 'TV', ...body },
    });
    expect(created.status).toBe(201);
    const socket = await connectLive(t.baseUrl, { displayToken: created.body.token });
    sockets.push(socket);
    const state = await t.api.call<DisplayStateDto>('GET', '/api/v1/display/state', {
      headers: { authorization: `Display ${created.body.token}` },
    });
    return { socket, state: state.body };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        ana: { team: 0 },
        cat: { team: 0 },
        ben: { team: 1 },
      },
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('shows the running missions with team meters, moves them live and celebrates a target reached', async () => {
    const created = await t.api.call('POST', '/api/v1/missions', {
      ...as('boss'),
      body: {
        title: 'Two tastings',
        points: 5,
        teamIds: [org.teams[0].id],
        kind: 'evidence',
        evidence: 'text',
        teamTarget: { completions: 2, bonus: 10 },
      },
    });
    await t.api.call('POST', `/api/v1/missions/${created.body.id}/publish`, as('boss'));

    const harbour = await screen({ scope: 'team', teamId: org.teams[0].id });
    const oldTown = await screen({ scope: 'team', teamId: org.teams[1].id });
    const whole = await screen({ scope: 'organization' });
    expect(harbour.state.display.panels).toContain('missions');
    expect(harbour.state.missions).toEqual([
      expect.objectContaining({
        title: 'Two tastings',
        completions: 0,
        meters: [
          expect.objectContaining({
            teamName: 'Harbour',
            completions: 0,
            target: 2,
            reached: false,
          }),
        ],
        recent: [],
      }),
    ]);
    // A mission for Harbour is not Old Town's business.
    expect(oldTown.state.missions).toEqual([]);
    expect(whole.state.missions.map((m) => m.title)).toEqual(['Two tastings']);

    const harbourUpdates = record(harbour.socket, 'missions.updated');
    const wholeUpdates = record(whole.socket, 'missions.updated');
    const oldTownUpdates = record(oldTown.socket, 'missions.updated');
    const celebrations = record(harbour.socket, 'celebrations');

    for (const handle of ['ana', 'cat']) {
      const sent = await t.api.call('POST', `/api/v1/missions/${created.body.id}/submissions`, {
        ...as(handle),
        body: { text: `${handle} ran a tasting` },
      });
      const approved = await t.api.call(
        'POST',
        `/api/v1/mission-submissions/${sent.body.id}/approve`,
        as('boss'),
      );
      expect(approved.status).toBe(200);
      clock.advance(60_000); // the screen lists the latest first
    }

    await until(
      () => harbourUpdates.at(-1)?.missions[0]?.completions === 2,
      5000,
      'the Harbour screen to count two completions',
    );
    expect(harbourUpdates.at(-1)?.missions[0]).toMatchObject({
      meters: [expect.objectContaining({ completions: 2, reached: true })],
      recent: ['cat', 'ana'],
    });
    // (Ana's and Cat's first completed mission also earns them a badge: celebrated apart.)
    const targets = () => celebrations.flat().filter((c) => c.kind === 'team_target');
    await until(() => targets().length > 0, 5000, 'a celebration');
    expect(targets()).toEqual([
      { kind: 'team_target', missionTitle: 'Two tastings', teamName: 'Harbour', bonus: 10 },
    ]);
    await until(
      () => wholeUpdates.at(-1)?.missions[0]?.completions === 2,
      5000,
      'the organisation screen to count two completions',
    );
    expect(oldTownUpdates).toEqual([]);
  });

  it('moves a tracked mission’s team meter live as its metric moves, without a completion', async () => {
    const created = await t.api.call('POST', '/api/v1/missions', {
      ...as('boss'),
      body: {
        title: 'Harbour: 3 kudos received',
        points: 0,
        teamIds: [org.teams[0].id],
        kind: 'tracked',
        tracked: { metric: 'kudos_received', threshold: 1000 },
        teamTarget: { completions: 3, bonus: 1 },
        // From the 11th: the first test's kudos do not count.
        startsOn: '2026-12-11',
        endsOn: '2026-12-31',
      },
    });
    expect(created.status).toBe(201);
    clock.set(new Date('2026-12-11T12:00:00Z'));
    await t.api.call('POST', `/api/v1/missions/${created.body.id}/publish`, as('boss'));
    const harbour = await screen({ scope: 'team', teamId: org.teams[0].id });
    const meterOf = (missions: DisplayStateDto['missions']) =>
      missions.find((m) => m.title === 'Harbour: 3 kudos received')?.meters[0];
    expect(meterOf(harbour.state.missions)).toMatchObject({ completions: 0, target: 3 });
    expect(harbour.state.missions.find((m) => m.kind === 'tracked')).toMatchObject({
      trackedMetric: 'kudos_received',
    });

    const updates = record(harbour.socket, 'missions.updated');
    const given = await t.api.call('POST', '/api/v1/kudos', {
      ...as('ben'),
      body: {
        recipientIds: [org.people.ana.member.id, org.people.cat.member.id],
        valueId: org.valueId,
        message: 'Thanks both for the warm welcome',
        points: 1,
      },
    });
    expect(given.status).toBe(201);
    await until(
      () => updates.some((u) => meterOf(u.missions)?.completions === 2),
      5000,
      'the Harbour meter at 2 of 3',
    );
    expect(meterOf(updates.at(-1)!.missions)).toMatchObject({ completions: 2, reached: false });
  });
});
