import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { BADGE_WINDOWS, VALUE_METRICS, windowsFor, type BadgeWindow } from '@bravo/shared';
import type { MetricCount, MetricQuery } from '../../src/badges/badge-metric-source';
import { KUDOS_METRICS, kudosMetricCounts } from '../../src/kudos/kudos-metrics.queries';
import {
  MISSIONS_METRICS,
  missionsMetricCounts,
} from '../../src/missions/missions-metrics.queries';
import { addDays, localDate, startOfLocalDay } from '../../src/points/periods';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

interface K {
  giver: number;
  recipients: number[];
  value: number;
  occurredOn: string;
  state: 'visible' | 'withdrawn' | 'hidden';
}

const MEMBERS = 4;
const DAY0 = '2026-01-01';

/** Monday of the week / 1st of the month / the all-time bucket — from calendar arithmetic by hand. */
function windowOf(window: BadgeWindow, date: string): string {
  if (window === 'all_time') {
    return '1970-01-01';
  }
  if (window === 'month') {
    return `${date.slice(0, 7)}-01`;
  }
  const d = new Date(`${date}T00:00:00Z`);
  const mondayOffset = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - mondayOffset * 86_400_000).toISOString().slice(0, 10);
}

/** The straightforward version: loop over the kudos, count in maps. */
function reference(
  kudos: K[],
  ids: string[],
  values: string[],
  q: MetricQuery,
): Map<string, number> {
  const window: BadgeWindow = q.metric === 'weekly_giving_streak' ? 'all_time' : q.window;
  const current = windowOf(window, q.today);
  const span = q.span;
  const counted = kudos.filter(
    (k) =>
      k.state === 'visible' &&
      k.occurredOn <= q.today &&
      (span
        ? k.occurredOn >= span.from && k.occurredOn <= span.to
        : q.windows === 'all' || windowOf(window, k.occurredOn) === current),
  );
  const out = new Map<string, number>();
  const sets = new Map<string, Set<string>>();
  const bump = (member: string, win: string, by = 1) =>
    out.set(`${member}|${win}`, (out.get(`${member}|${win}`) ?? 0) + by);
  const distinct = (key: string, add: string[]) => {
    const set = sets.get(key) ?? new Set<string>();
    add.forEach((m) => set.add(m));
    sets.set(key, set);
    out.set(key, set.size);
  };
  for (const k of counted) {
    const win = span ? span.from : windowOf(window, k.occurredOn);
    const giver = ids[k.giver];
    switch (q.metric) {
      case 'kudos_received':
        k.recipients.forEach((r) => bump(ids[r], win));
        break;
      case 'kudos_received_for_value':
        if (values[k.value] === q.valueId) {
          k.recipients.forEach((r) => bump(ids[r], win));
        }
        break;
      case 'kudos_given':
        bump(giver, win);
        break;
      case 'kudos_given_for_value':
        if (values[k.value] === q.valueId) {
          bump(giver, win);
        }
        break;
      case 'distinct_colleagues_recognised':
        distinct(
          `${giver}|${win}`,
          k.recipients.map((r) => ids[r]),
        );
        break;
      case 'distinct_givers':
        // The giver as one more distinct colleague of each recipient.
        k.recipients.forEach((r) => distinct(`${ids[r]}|${win}|givers`, [giver]));
        break;
      case 'weekly_giving_streak':
        break;
    }
  }
  if (q.metric === 'weekly_giving_streak') {
    ids.forEach((id, i) => {
      const weeks = [
        ...new Set(counted.filter((k) => k.giver === i).map((k) => windowOf('week', k.occurredOn))),
      ].sort();
      let best = 0;
      let run = 0;
      weeks.forEach((w, j) => {
        run = j > 0 && addDays(weeks[j - 1], 7) === w ? run + 1 : 1;
        best = Math.max(best, run);
      });
      if (best > 0) {
        out.set(`${id}|1970-01-01`, best);
      }
    });
  }
  for (const [key, set] of sets) {
    if (key.endsWith('|givers')) {
      out.delete(key);
      out.set(key.slice(0, -'|givers'.length), set.size);
    }
  }
  const only = q.memberIds ? new Set(q.memberIds) : null;
  for (const [key, value] of out) {
    if (value < q.atLeast || (only && !only.has(key.split('|')[0]))) {
      out.delete(key);
    }
  }
  return out;
}

const asMap = (rows: MetricCount[]) =>
  new Map(rows.map((r) => [`${r.memberId}|${r.windowStart}`, r.value]));

const kudosArb = fc.record({
  giver: fc.integer({ min: 0, max: MEMBERS - 1 }),
  others: fc.uniqueArray(fc.integer({ min: 0, max: MEMBERS - 2 }), { minLength: 1, maxLength: 3 }),
  value: fc.integer({ min: 0, max: 1 }),
  day: fc.integer({ min: 0, max: 100 }),
  state: fc.constantFrom('visible', 'visible', 'visible', 'withdrawn', 'hidden'),
});

describe('kudos badge metrics against an in-memory reference', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('counts every metric, per window, like the reference', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(kudosArb, { maxLength: 25 }),
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('all', 'current'),
        fc.option(fc.subarray([0, 1, 2, 3], { minLength: 1 }), { nil: null }),
        // A tracked mission's span (days from DAY0), instead of the window.
        fc.option(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 40 })), {
          nil: null,
        }),
        async (raw, todayDay, atLeast, windows, only, spanDays) => {
          const organizationId = randomUUID();
          const ids = Array.from({ length: MEMBERS }, () => randomUUID());
          const values = [randomUUID(), randomUUID()];
          const kudos: K[] = raw.map((r) => ({
            giver: r.giver,
            // Recipients are the others (no kudos to yourself).
            recipients: r.others.map((o) => (o >= r.giver ? o + 1 : o)),
            value: r.value,
            occurredOn: addDays(DAY0, r.day),
            state: r.state as K['state'],
          }));
          for (const k of kudos) {
            const [{ id }] = await t.db.query(
              `INSERT INTO kudos (organization_id, giver_id, value_id, message, points, occurred_on, withdrawn_at, hidden_at)
               VALUES ($1, $2, $3, 'Thanks for the help!', 0, $4, $5, $6) RETURNING id`,
              [
                organizationId,
                ids[k.giver],
                values[k.value],
                k.occurredOn,
                k.state === 'withdrawn' ? new Date() : null,
                k.state === 'hidden' ? new Date() : null,
              ],
            );
            for (const r of k.recipients) {
              await t.db.query(
                `INSERT INTO kudos_recipients (kudos_id, member_id, organization_id) VALUES ($1, $2, $3)`,
                [id, ids[r], organizationId],
              );
            }
          }
          const span = spanDays
            ? { from: addDays(DAY0, spanDays[0]), to: addDays(DAY0, spanDays[0] + spanDays[1]) }
            : undefined;
          for (const metric of KUDOS_METRICS) {
            if (span && metric === 'weekly_giving_streak') {
              continue; // a streak has no span (no tracked mission counts one)
            }
            for (const window of BADGE_WINDOWS) {
              const q: MetricQuery = {
                organizationId,
                metric,
                window,
                valueId: (VALUE_METRICS as string[]).includes(metric) ? values[0] : null,
                memberIds: only ? only.map((i) => ids[i]) : null,
                windows: windows as MetricQuery['windows'],
                today: addDays(DAY0, todayDay),
                atLeast,
                span,
              };
              const actual = asMap(await kudosMetricCounts(t.db.manager, q));
              expect({ metric, window, counts: actual }).toEqual({
                metric,
                window,
                counts: reference(kudos, ids, values, q),
              });
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

interface M {
  startsOn: string;
  endsOn: string;
  /** Indexes into the teams; empty: everyone. */
  teams: number[];
  published: boolean;
  closedAt: Date | null;
}
interface S {
  member: number;
  mission: number;
  /** null: no team on the submission. */
  team: number | null;
  status: 'approved' | 'pending' | 'rejected' | 'failed';
  completedOn: string | null;
}

/** Far from UTC, so a closing a few hours before midnight is another local day. */
const MISSIONS_TZ = 'Pacific/Auckland';
const TEAMS = 2;
/** Members' teams: 0, 1, none, 0. */
const homeTeam = (member: number): number | null => [0, 1, null, 0][member];

/** The straightforward version of both missions metrics: loops over missions and submissions. */
function missionsReference(
  missions: M[],
  subs: S[],
  ids: string[],
  q: MetricQuery,
): Map<string, number> {
  const out = new Map<string, number>();
  const bump = (member: string, win: string) =>
    out.set(`${member}|${win}`, (out.get(`${member}|${win}`) ?? 0) + 1);
  const done = (member: number, mission: number) =>
    subs.some(
      (s) =>
        s.member === member &&
        s.mission === mission &&
        s.status === 'approved' &&
        s.completedOn !== null &&
        s.completedOn <= q.today,
    );
  if (q.metric === 'missions_completed') {
    for (const s of subs) {
      if (s.status !== 'approved' || s.completedOn === null || s.completedOn > q.today) {
        continue;
      }
      const win = windowOf(q.window, s.completedOn);
      if (q.windows === 'current' && win !== windowOf(q.window, q.today)) {
        continue;
      }
      bump(ids[s.member], win);
    }
  } else {
    const monthOfMission = (i: number) => windowOf('month', missions[i].startsOn);
    for (let member = 0; member < ids.length; member++) {
      const months = new Set(
        subs.filter((s) => s.member === member).map((s) => monthOfMission(s.mission)),
      );
      for (const month of months) {
        if (
          q.windows === 'current' &&
          q.window === 'month' &&
          month !== windowOf('month', q.today)
        ) {
          continue;
        }
        // The member's teams that month: those on their submissions to its missions.
        const teams = new Set(
          subs
            .filter((s) => s.member === member && monthOfMission(s.mission) === month)
            .flatMap((s) => (s.team === null ? [] : [s.team])),
        );
        const due = missions
          .map((m, i) => ({ m, i }))
          .filter(
            ({ m, i }) =>
              monthOfMission(i) === month &&
              m.published &&
              // Closed on or before its last local day: called off, not due.
              (m.closedAt === null || localDate(m.closedAt, MISSIONS_TZ) > m.endsOn) &&
              (m.teams.length === 0 || m.teams.some((t) => teams.has(t))),
          );
        if (due.length > 0 && due.every(({ i }) => done(member, i))) {
          bump(ids[member], q.window === 'all_time' ? '1970-01-01' : month);
        }
      }
    }
  }
  const only = q.memberIds ? new Set(q.memberIds) : null;
  for (const [key, value] of out) {
    if (value < q.atLeast || (only && !only.has(key.split('|')[0]))) {
      out.delete(key);
    }
  }
  return out;
}

const missionArb = fc.record({
  month: fc.integer({ min: 0, max: 2 }),
  startDay: fc.integer({ min: 0, max: 27 }),
  span: fc.integer({ min: 0, max: 40 }),
  teams: fc.constantFrom([], [], [0], [1], [0, 1]),
  published: fc.constantFrom(true, true, true, false),
  // Hours from the end of the last local day (negative: before the end), or never closed.
  closed: fc.constantFrom(null, null, null, -30, -1, 0, 2, 48),
});
const submissionArb = fc.record({
  member: fc.integer({ min: 0, max: MEMBERS - 1 }),
  mission: fc.nat(),
  team: fc.constantFrom('home', 'home', 'home', 'other', 'none'),
  status: fc.constantFrom('approved', 'approved', 'approved', 'pending', 'rejected', 'failed'),
  completedAfter: fc.integer({ min: 0, max: 45 }),
});

describe('missions badge metrics against an in-memory reference', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('counts completions and months with every due mission done, like the reference', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(missionArb, { minLength: 1, maxLength: 8 }),
        fc.array(submissionArb, { maxLength: 24 }),
        fc.integer({ min: 0, max: 110 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('all', 'current'),
        fc.option(fc.subarray([0, 1, 2, 3], { minLength: 1 }), { nil: null }),
        async (rawMissions, rawSubs, todayDay, atLeast, windows, only) => {
          const organizationId = randomUUID();
          const ids = Array.from({ length: MEMBERS }, () => randomUUID());
          const teamIds = Array.from({ length: TEAMS }, () => randomUUID());
          const missions: M[] = rawMissions.map((r) => {
            const startsOn = addDays(`2026-0${r.month + 1}-01`, r.startDay);
            const endsOn = addDays(startsOn, r.span);
            const end = startOfLocalDay(addDays(endsOn, 1), MISSIONS_TZ).getTime();
            return {
              startsOn,
              endsOn,
              teams: [...r.teams],
              published: r.published,
              closedAt: r.closed === null ? null : new Date(end + r.closed * 3_600_000),
            };
          });
          const subs: S[] = rawSubs.map((r) => {
            const mission = r.mission % missions.length;
            const home = homeTeam(r.member);
            return {
              member: r.member,
              mission,
              team: r.team === 'none' ? null : r.team === 'home' ? home : ((home ?? 0) + 1) % TEAMS,
              status: r.status as S['status'],
              completedOn:
                r.status === 'approved'
                  ? addDays(missions[mission].startsOn, r.completedAfter)
                  : null,
            };
          });
          const missionIds: string[] = [];
          for (const m of missions) {
            const [{ id }] = await t.db.query(
              `INSERT INTO missions (organization_id, created_by_id, title, points, team_ids, starts_on, ends_on, kind, evidence, published_at, closed_at)
               VALUES ($1, $2, 'A mission', 0, $3::uuid[], $4, $5, 'evidence', 'none', $6, $7) RETURNING id`,
              [
                organizationId,
                ids[0],
                m.teams.map((i) => teamIds[i]),
                m.startsOn,
                m.endsOn,
                m.published ? new Date('2025-12-01T00:00:00Z') : null,
                m.closedAt,
              ],
            );
            missionIds.push(id);
          }
          for (const s of subs) {
            await t.db.query(
              `INSERT INTO mission_submissions (organization_id, mission_id, member_id, team_id, status, completed_on)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [
                organizationId,
                missionIds[s.mission],
                ids[s.member],
                s.team === null ? null : teamIds[s.team],
                s.status,
                s.completedOn,
              ],
            );
          }
          for (const metric of MISSIONS_METRICS) {
            for (const window of windowsFor(metric)) {
              const q: MetricQuery = {
                organizationId,
                metric,
                window,
                valueId: null,
                memberIds: only ? only.map((i) => ids[i]) : null,
                windows: windows as MetricQuery['windows'],
                today: addDays(DAY0, todayDay),
                atLeast,
              };
              const actual = asMap(await missionsMetricCounts(t.db.manager, q, MISSIONS_TZ));
              expect({ metric, window, counts: actual }).toEqual({
                metric,
                window,
                counts: missionsReference(missions, subs, ids, q),
              });
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
