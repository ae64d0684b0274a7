import sharp from 'sharp';
import { verifyLedger } from '../../src/points/ledger-verify.queries';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { ManualClock, startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

/** 10 December 2026, midday in London: the current month is December. */
const NOW = '2026-12-10T12:00:00Z';

describe('missions over HTTP', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  const clock = new ManualClock(new Date(NOW));

  const as = (handle: string) => ({ token: org.people[handle].token });
  const admin = () => ({ token: org.admin.token });
  const harbour = () => org.teams[0].id;
  const oldTown = () => org.teams[1].id;

  async function earned(handle: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }[]>(
      `SELECT coalesce(sum(amount), 0)::int AS n FROM ledger_entries WHERE member_id = $1 AND account = 'earned'`,
      [org.people[handle].member.id],
    );
    return row.n;
  }

  const missionCount = async () =>
    (await t.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM missions'))[0].n;

  /** A published mission, created by `who` (default: the Harbour manager). */
  async function published(body: Record<string, unknown>, who = as('boss')) {
    const created = await t.api.call('POST', '/api/v1/missions', {
      ...who,
      body: { title: 'Learn the autumn menu', points: 20, teamIds: [harbour()], ...body },
    });
    expect(created.status).toBe(201);
    const done = await t.api.call('POST', `/api/v1/missions/${created.body.id}/publish`, who);
    expect(done.status).toBe(200);
    return done.body as { id: string; phase: string };
  }

  beforeAll(async () => {
    t = await startTestApp({ clock });
    org = await orgFixture(t, {
      teams: ['Harbour', 'Old Town'],
      people: {
        boss: { role: 'manager', team: 0, manages: [0] },
        otto: { role: 'manager', team: 1, manages: [1] },
        ana: { team: 0 },
        cat: { team: 0 },
        ben: { team: 1 },
      },
    });
    other = await orgFixture(t, { people: { eve: { role: 'manager' } } });
  });
  afterAll(() => t.close());

  describe('who may set missions', () => {
    it('lets a manager set missions for their teams only, and an admin for everyone', async () => {
      const body = { title: 'Run a tasting', points: 10, kind: 'evidence', evidence: 'text' };
      const mine = await t.api.call('POST', '/api/v1/missions', {
        ...as('boss'),
        body: { ...body, teamIds: [harbour()] },
      });
      expect(mine.status).toBe(201);
      expect(mine.body).toMatchObject({
        phase: 'draft',
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
        teamIds: [harbour()],
      });

      const before = await missionCount();
      const theirs = await t.api.call('POST', '/api/v1/missions', {
        ...as('boss'),
        body: { ...body, teamIds: [oldTown()] },
      });
      expect(theirs.status).toBe(403);
      const everyone = await t.api.call('POST', '/api/v1/missions', {
        ...as('boss'),
        body: { ...body, teamIds: [] },
      });
      expect(everyone.status).toBe(403);
      const employee = await t.api.call('POST', '/api/v1/missions', {
        ...as('ana'),
        body: { ...body, teamIds: [harbour()] },
      });
      expect(employee.status).toBe(403);
      expect(await missionCount()).toBe(before);

      const all = await t.api.call('POST', '/api/v1/missions', {
        ...admin(),
        body: { ...body, teamIds: [] },
      });
      expect(all.status).toBe(201);

      // Old Town's manager cannot touch Harbour's mission; another organisation cannot see it.
      const foreign = await t.api.call('PATCH', `/api/v1/missions/${mine.body.id}`, {
        ...as('otto'),
        body: { ...body, teamIds: [oldTown()] },
      });
      expect(foreign.status).toBe(403);
      const elsewhere = await t.api.call('GET', `/api/v1/missions/managed/${mine.body.id}`, {
        token: other.people.eve.token,
      });
      expect(elsewhere.status).toBe(404);
      const managed = await t.api.call('GET', '/api/v1/missions/managed', as('otto'));
      expect(managed.body.map((m: { id: string }) => m.id)).not.toContain(mine.body.id);
    });

    it('refuses bad missions with field codes, writing nothing', async () => {
      const good = {
        title: 'Tasting',
        points: 10,
        teamIds: [harbour()],
        kind: 'evidence',
        evidence: 'text',
      };
      const cases: [Record<string, unknown>, string, string][] = [
        [{ title: '   ' }, 'title', 'too_short'],
        [{ points: 501 }, 'points', 'too_large'],
        [{ startsOn: '2026-13-01' }, 'startsOn', 'invalid_date'],
        [{ startsOn: '2026-12-10', endsOn: '2026-12-09' }, 'endsOn', 'before_start'],
        [{ evidence: undefined }, 'evidence', 'required'],
        [{ evidence: 'video' }, 'evidence', 'invalid_choice'],
        [{ teamIds: ['0b8f3f0e-7d5c-4c55-9a7e-3f1d2c0e9a11'] }, 'teamIds.0', 'unknown_team'],
        [{ valueId: other.valueId }, 'valueId', 'unknown_value'],
        [
          {
            kind: 'quiz',
            evidence: undefined,
            quiz: {
              questions: [{ text: 'Which?', options: ['a', 'b'], correct: [2] }],
              passMark: 100,
              maxAttempts: 1,
            },
          },
          'quiz.questions.0.correct',
          'invalid_choice',
        ],
        [{ kind: 'quiz', evidence: undefined }, 'quiz', 'required'],
      ];
      const before = await missionCount();
      for (const [change, field, code] of cases) {
        // A manager naming a team they do not manage is refused before the teams are looked up.
        const who = field === 'teamIds.0' ? admin() : as('boss');
        const response = await t.api.call('POST', '/api/v1/missions', {
          ...who,
          body: { ...good, ...change },
        });
        expect({ change, status: response.status }).toEqual({ change, status: 400 });
        expect(response.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field, code })]),
        );
      }
      expect(await missionCount()).toBe(before);
    });
  });

  describe('a mission’s life', () => {
    it('shows members only published, running missions of their teams, and repeats into next month', async () => {
      const draft = await t.api.call('POST', '/api/v1/missions', {
        ...as('boss'),
        body: {
          title: 'Draft only',
          points: 5,
          teamIds: [harbour()],
          kind: 'evidence',
          evidence: 'none',
        },
      });
      const later = await published({
        title: 'January',
        kind: 'evidence',
        evidence: 'none',
        startsOn: '2027-01-01',
      });
      expect(later.phase).toBe('scheduled');
      const now = await published({ title: 'Now', kind: 'evidence', evidence: 'none' });
      expect(now.phase).toBe('active');

      const ids = async (handle: string) =>
        (await t.api.call('GET', '/api/v1/missions', as(handle))).body.map(
          (m: { id: string }) => m.id,
        );
      const anas = await ids('ana');
      expect(anas).toContain(now.id);
      expect(anas).not.toContain(later.id);
      expect(anas).not.toContain(draft.body.id);
      expect(await ids('ben')).not.toContain(now.id);
      expect((await t.api.call('GET', `/api/v1/missions/${draft.body.id}`, as('ana'))).status).toBe(
        404,
      );

      const changed = await t.api.call('PATCH', `/api/v1/missions/${now.id}`, {
        ...as('boss'),
        body: {
          title: 'Changed',
          points: 5,
          teamIds: [harbour()],
          kind: 'evidence',
          evidence: 'none',
        },
      });
      expect(changed.status).toBe(409);
      expect(changed.body.code).toBe('mission_not_editable');

      const copy = await t.api.call('POST', `/api/v1/missions/${now.id}/repeat`, as('boss'));
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({
        title: 'Now',
        phase: 'draft',
        startsOn: '2027-01-01',
        endsOn: '2027-01-31',
      });

      const closed = await t.api.call('POST', `/api/v1/missions/${now.id}/close`, as('boss'));
      expect(closed.body.phase).toBe('closed');
      expect(await ids('ana')).not.toContain(now.id);
      const submit = await t.api.call('POST', `/api/v1/missions/${now.id}/submissions`, {
        ...as('ana'),
        body: {},
      });
      expect(submit.status).toBe(409);
      expect(submit.body.code).toBe('mission_not_open');
    });
  });

  describe('evidence and approval', () => {
    it('queues evidence for the team’s manager, who approves it once', async () => {
      const mission = await published({
        title: 'Photo of the window',
        kind: 'evidence',
        evidence: 'text',
      });
      const before = await earned('ana');
      const missing = await t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
        ...as('ana'),
        body: {},
      });
      expect(missing.status).toBe(400);
      expect(missing.body.details[0]).toMatchObject({ field: 'text', code: 'required' });

      const sent = await t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
        ...as('ana'),
        body: { text: 'Dressed the window with the autumn range.' },
      });
      expect(sent.status).toBe(201);
      expect(sent.body.status).toBe('pending');
      expect(await earned('ana')).toBe(before);

      const queue = await t.api.call('GET', '/api/v1/mission-submissions/pending', as('boss'));
      expect(queue.body.map((s: { id: string }) => s.id)).toContain(sent.body.id);
      const othersQueue = await t.api.call(
        'GET',
        '/api/v1/mission-submissions/pending',
        as('otto'),
      );
      expect(othersQueue.body.map((s: { id: string }) => s.id)).not.toContain(sent.body.id);

      const path = `/api/v1/mission-submissions/${sent.body.id}/approve`;
      expect((await t.api.call('POST', path, as('otto'))).status).toBe(403);
      expect((await t.api.call('POST', path, as('cat'))).status).toBe(403);
      expect((await t.api.call('POST', path, { token: other.people.eve.token })).status).toBe(404);

      // Two approvals at once: one wins, the other is told it was already reviewed.
      const [first, second] = await Promise.all([
        t.api.call('POST', path, as('boss')),
        t.api.call('POST', path, admin()),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      expect([first, second].find((r) => r.status === 409)?.body.code).toBe('already_reviewed');
      expect(await earned('ana')).toBe(before + 20);
      expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true, drift: [] });
    });

    it('takes a photo the member uploaded, shows it to the reviewing manager and refuses anyone else’s', async () => {
      const mission = await published({
        title: 'Photo of the window',
        kind: 'evidence',
        evidence: 'photo',
      });
      const jpeg = await sharp({
        create: { width: 40, height: 30, channels: 3, background: '#b45309' },
      })
        .jpeg()
        .toBuffer();
      const upload = async (handle: string): Promise<string> => {
        const form = new FormData();
        form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'window.jpg');
        const res = await fetch(`${t.baseUrl}/api/v1/uploads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${org.people[handle].token}` },
          body: form,
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      };
      const path = `/api/v1/missions/${mission.id}/submissions`;
      const missing = await t.api.call('POST', path, { ...as('ana'), body: { text: 'no photo' } });
      expect(missing.body.details[0]).toMatchObject({ field: 'photoId', code: 'required' });
      const catsPhoto = await upload('cat');
      const borrowed = await t.api.call('POST', path, {
        ...as('ana'),
        body: { photoId: catsPhoto },
      });
      expect(borrowed.status).toBe(400);
      expect(borrowed.body.details[0]).toMatchObject({ field: 'photoId', code: 'unknown_photo' });

      const photoId = await upload('ana');
      const sent = await t.api.call('POST', path, {
        ...as('ana'),
        body: { photoId, text: 'The new window' },
      });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ status: 'pending', photoId, text: 'The new window' });
      const queue = await t.api.call('GET', '/api/v1/mission-submissions/pending', as('boss'));
      expect(queue.body.find((s: { id: string }) => s.id === sent.body.id)?.photoId).toBe(photoId);
      const image = await fetch(`${t.baseUrl}/api/v1/uploads/${photoId}`, {
        headers: { authorization: `Bearer ${org.people.boss.token}` },
      });
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toMatch(/^image\//);
      const outsider = await fetch(`${t.baseUrl}/api/v1/uploads/${photoId}`, {
        headers: { authorization: `Bearer ${other.people.eve.token}` },
      });
      expect(outsider.status).toBe(404);
    });

    it('replays an approval sent again with its Idempotency-Key, awarding once', async () => {
      const mission = await published({ title: 'Share a tip', kind: 'evidence', evidence: 'link' });
      const sent = await t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
        ...as('cat'),
        body: { url: 'https://example.com/tip' },
      });
      expect(sent.status).toBe(201);
      const before = await earned('cat');
      const path = `/api/v1/mission-submissions/${sent.body.id}/approve`;
      const headers = { 'idempotency-key': 'approve-tip-1' };
      const replies = await Promise.all(
        [1, 2, 3].map(() => t.api.call('POST', path, { ...as('boss'), headers })),
      );
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(new Set(replies.map((r) => r.body.status))).toEqual(new Set(['approved']));
      expect(await earned('cat')).toBe(before + 20);
    });

    it('tells the member why their evidence was rejected, and lets them try again', async () => {
      const mission = await published({
        title: 'Write a review',
        kind: 'evidence',
        evidence: 'text',
      });
      const sent = await t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
        ...as('ana'),
        body: { text: 'Too short' },
      });
      const rejected = await t.api.call(
        'POST',
        `/api/v1/mission-submissions/${sent.body.id}/reject`,
        { ...as('boss'), body: { reason: 'Tell us which dish you recommended.' } },
      );
      expect(rejected.status).toBe(200);
      const mine = await t.api.call('GET', '/api/v1/mission-submissions/mine', as('ana'));
      expect(mine.body.find((s: { id: string }) => s.id === sent.body.id)).toMatchObject({
        status: 'rejected',
        rejectReason: 'Tell us which dish you recommended.',
        missionTitle: 'Write a review',
      });
      const again = await t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
        ...as('ana'),
        body: { text: 'Recommended the pumpkin soup to every table.' },
      });
      expect(again.status).toBe(201);
    });

    it('completes a self-declared mission at once, as many times as it allows, even all at once', async () => {
      const mission = await published({
        title: 'Wear the badge',
        kind: 'evidence',
        evidence: 'none',
        points: 7,
        maxCompletions: 2,
      });
      const before = await earned('cat');
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
            ...as('cat'),
            body: {},
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.code as string)).toEqual(
        Array(4).fill('mission_limit_reached'),
      );
      expect(await earned('cat')).toBe(before + 14);
      const view = await t.api.call('GET', `/api/v1/missions/${mission.id}`, as('cat'));
      expect(view.body.progress).toMatchObject({ completions: 2, canSubmit: false });
      // The starter badge for a first completed mission follows, on its own.
      const badgesOf = async () =>
        (
          await t.api.call('GET', `/api/v1/members/${org.people.cat.member.id}/badges`, as('cat'))
        ).body.earned.map((e: { badge: { name: string } }) => e.badge.name) as string[];
      await until(
        async () => (await badgesOf()).includes('Mission Accomplished'),
        5000,
        'Mission Accomplished for cat',
      );
      expect((await badgesOf()).filter((name) => name === 'Mission Accomplished')).toHaveLength(1);
    });
  });

  describe('knowledge checks', () => {
    const quiz = {
      questions: [
        { text: 'Which soup is new?', options: ['Pumpkin', 'Tomato', 'Leek'], correct: [0] },
        {
          text: 'Which are vegan?',
          options: ['Pumpkin soup', 'Cheese toastie', 'Oat latte'],
          correct: [0, 2],
        },
      ],
      passMark: 100,
      maxAttempts: 2,
    };

    /** Every key anywhere in a JSON value. */
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keysOf)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
          : [];

    it('never sends the answers before an attempt, passes on the server and limits attempts', async () => {
      const mission = await published({
        title: 'Autumn menu quiz',
        kind: 'quiz',
        quiz,
        points: 30,
      });
      const list = await t.api.call('GET', '/api/v1/missions', as('ana'));
      const one = await t.api.call('GET', `/api/v1/missions/${mission.id}`, as('ana'));
      expect(one.body.quiz.questions[1]).toEqual({
        text: 'Which are vegan?',
        options: ['Pumpkin soup', 'Cheese toastie', 'Oat latte'],
        multiple: true,
      });
      expect(keysOf(list.body)).not.toContain('correct');
      expect(keysOf(one.body)).not.toContain('correct');
      // The manager's editor has them.
      const managed = await t.api.call('GET', `/api/v1/missions/managed/${mission.id}`, as('boss'));
      expect(managed.body.quiz.questions[1].correct).toEqual([0, 2]);

      const path = `/api/v1/missions/${mission.id}/attempts`;
      const malformed = await t.api.call('POST', path, {
        ...as('ana'),
        body: { answers: [[0], [7]] },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.details[0]).toMatchObject({
        field: 'answers.1',
        code: 'invalid_choice',
      });

      const before = await earned('ana');
      const wrong = await t.api.call('POST', path, { ...as('ana'), body: { answers: [[0], [0]] } });
      expect(wrong.status).toBe(201);
      expect(wrong.body).toMatchObject({ passed: false, score: 50, correct: [] });
      const right = await t.api.call('POST', path, {
        ...as('ana'),
        body: { answers: [[0], [2, 0]] },
      });
      expect(right.body).toMatchObject({ passed: true, score: 100, correct: [[0], [0, 2]] });
      expect(await earned('ana')).toBe(before + 30);

      // Ben's attempts run out: the answers are shown after the last one, and no more are taken.
      await t.api.call('PATCH', `/api/v1/members/${org.people.ben.member.id}`, {
        ...admin(),
        body: { teamId: harbour() },
      });
      for (const expected of [[], [[0], [0, 2]]]) {
        const attempt = await t.api.call('POST', path, {
          ...as('ben'),
          body: { answers: [[1], [1]] },
        });
        expect(attempt.body).toMatchObject({ passed: false, correct: expected });
      }
      const third = await t.api.call('POST', path, {
        ...as('ben'),
        body: { answers: [[0], [0, 2]] },
      });
      expect(third.status).toBe(409);
      expect(third.body.code).toBe('quiz_attempts_used');
      await t.api.call('PATCH', `/api/v1/members/${org.people.ben.member.id}`, {
        ...admin(),
        body: { teamId: oldTown() },
      });
    });
  });

  describe('team targets', () => {
    it('pays every member of the team the bonus once, when two last completions are approved at the same moment', async () => {
      const mission = await published({
        title: 'Harbour: two tastings',
        kind: 'evidence',
        evidence: 'text',
        points: 5,
        teamTarget: { completions: 2, bonus: 15 },
      });
      const sent = await Promise.all(
        ['ana', 'cat'].map((h) =>
          t.api.call('POST', `/api/v1/missions/${mission.id}/submissions`, {
            ...as(h),
            body: { text: `${h} ran a tasting` },
          }),
        ),
      );
      const before = {
        ana: await earned('ana'),
        cat: await earned('cat'),
        boss: await earned('boss'),
      };
      const approvals = await Promise.all(
        sent.map((s) =>
          t.api.call('POST', `/api/v1/mission-submissions/${s.body.id}/approve`, as('boss')),
        ),
      );
      expect(approvals.map((r) => r.status)).toEqual([200, 200]);

      expect(await earned('ana')).toBe(before.ana + 5 + 15);
      expect(await earned('cat')).toBe(before.cat + 5 + 15);
      // The manager works in Harbour too: a member of the team, so a share of the bonus.
      expect(await earned('boss')).toBe(before.boss + 15);
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE source_type = 'team_target'`,
      );
      expect(n).toBe(3);
      const view = await t.api.call('GET', `/api/v1/missions/${mission.id}`, as('ana'));
      expect(view.body.progress.team).toMatchObject({ completions: 2, target: 2, reached: true });
      expect(await verifyLedger(t.db.manager)).toMatchObject({ ok: true, drift: [] });
    });
  });
});
