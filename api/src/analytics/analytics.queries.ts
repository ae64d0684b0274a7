import type { AnalyticsCsvTable } from '@bravo/shared';
import { ANALYTICS_LIMITS } from '@bravo/shared';

/**
 * Analytics owns no table: it reads kudos, members, teams, brand values, missions, praise and
 * badges with one read-only statement per table of figures (like fair play). Each statement's
 * column aliases are the response fields, so the JSON answer and the streamed CSV (a cursor over
 * the same statement) cannot drift apart.
 */

/** What one request looks at: the organisation, local dates (both included), the teams. */
export interface AnalyticsScope {
  organizationId: string;
  from: string;
  to: string;
  /** null: the whole organisation (admins); otherwise only members of these teams. */
  teamIds: string[] | null;
  /** First instant of `from` and of the day after `to` (badge awards carry instants). */
  fromInstant: Date;
  toInstantExclusive: Date;
  /** First date of the "not recognised" window that ends on `to`. */
  notRecognisedSince: string;
}

/**
 * A year of a large organisation passes PostgreSQL's JIT cost thresholds, and compiling took
 * 0.8 s of the 30-day list's 1.7 s at 50,000 members (docs/benchmarks.md): these statements
 * are short aggregates that gain nothing from it. For this transaction only.
 */
export const WITHOUT_JIT = 'SET LOCAL jit = off';

export type ColumnKind = 'text' | 'int' | 'num';

export interface Column {
  key: string;
  kind: ColumnKind;
}

/** One table of figures: the statement, its parameters and its columns in order. */
export interface Statement {
  sql: string;
  params: unknown[];
  columns: Column[];
}

const text = (key: string): Column => ({ key, kind: 'text' });
const int = (key: string): Column => ({ key, kind: 'int' });
const num = (key: string): Column => ({ key, kind: 'num' });

/** Kudos that count: not withdrawn, not hidden (as in the feed and badges). */
const VISIBLE = 'k.withdrawn_at IS NULL AND k.hidden_at IS NULL';
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/**
 * Parameters $1 org, $2 from, $3 to, then whatever a statement adds. PostgreSQL refuses a
 * parameter a statement never uses, so the two that need only one date still mention both.
 */
function base(s: AnalyticsScope) {
  const params: unknown[] = [s.organizationId, s.from, s.to];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  /** Members of the scope: `alias.team_id` among the teams (nothing for the organisation). */
  const inTeams = (column: string) =>
    s.teamIds === null ? '' : `AND ${column} = ANY(${param(s.teamIds)}::uuid[])`;
  return { params, param, inTeams };
}

/**
 * Active members in scope, the denominator of shares and the population of fairness figures.
 * Inlined where used: a materialised CTE carries no statistics, and participation then hashed
 * the year's joined rows rather than the members.
 */
const scopeCte = (inTeams: (c: string) => string) =>
  `scope AS NOT MATERIALIZED (SELECT m.id FROM members m WHERE m.organization_id = $1 AND m.active ${inTeams('m.team_id')})`;

/**
 * The range's visible kudos joined to their recipients. Both sides are index-only scans of one
 * organisation (kudos_org_day_visible, kudos_recipients_org): without `r.organization_id` the
 * recipients of every organisation were read and hashed.
 */
const recipientsJoin = `JOIN kudos_recipients r ON r.kudos_id = k.id AND r.organization_id = $1`;

/** Points each member received in the range: kudos (each recipient's points) and boosts. */
const receivedCte = `received AS (
    SELECT r.member_id, k.id AS kudos_id, k.value_id, k.occurred_on AS day, k.points
      FROM kudos k ${recipientsJoin}
     WHERE k.organization_id = $1 AND k.occurred_on BETWEEN $2::date AND $3::date AND ${VISIBLE}
    UNION ALL
    SELECT r.member_id, NULL, k.value_id, b.occurred_on, b.points
      FROM kudos_boosts b JOIN kudos k ON k.id = b.kudos_id JOIN kudos_recipients r ON r.kudos_id = b.kudos_id
     WHERE b.organization_id = $1 AND b.occurred_on BETWEEN $2::date AND $3::date AND ${VISIBLE}
  )`;

/**
 * Received rows of members in scope, one per kudos (boosts: one per value and period, kudos_id
 * null) and optionally per period: `count(kudos_id)` over it is the number of distinct kudos,
 * without count(DISTINCT)'s sort of every row.
 */
const perKudosCte = (period: string) => `per_kudos AS (
    SELECT ${period ? `${period} AS period, ` : ''}rc.value_id, rc.kudos_id, sum(rc.points) AS points
      FROM received rc JOIN scope s ON s.id = rc.member_id
     GROUP BY ${period ? 'period, ' : ''}rc.value_id, rc.kudos_id)`;

const share = (part: string, whole: string) =>
  `coalesce(round(${part}::numeric / nullif(${whole}, 0), 4), 0)`;

function participation(s: AnalyticsScope, unit: 'week' | 'month'): Statement {
  const { params, inTeams } = base(s);
  const trunc = (c: string) => `date_trunc('${unit}', ${c})::date`;
  const sql = `WITH ${scopeCte(inTeams)},
      periods AS (SELECT g::date AS start FROM generate_series(${trunc('$2::date')}, $3::date, interval '1 ${unit}') g),
      active AS (SELECT count(*)::int AS n FROM scope),
      gave AS (
        SELECT ${trunc('k.occurred_on')} AS start, count(DISTINCT k.giver_id)::int AS n
          FROM kudos k JOIN scope s ON s.id = k.giver_id
         WHERE k.organization_id = $1 AND k.occurred_on BETWEEN $2::date AND $3::date AND ${VISIBLE}
         GROUP BY 1),
      got AS (
        SELECT ${trunc('k.occurred_on')} AS start, count(DISTINCT r.member_id)::int AS n
          FROM kudos k ${recipientsJoin} JOIN scope s ON s.id = r.member_id
         WHERE k.organization_id = $1 AND k.occurred_on BETWEEN $2::date AND $3::date AND ${VISIBLE}
         GROUP BY 1)
    SELECT ${day('p.start')} AS "periodStart", a.n AS "activeMembers",
           coalesce(gave.n, 0) AS givers, coalesce(got.n, 0) AS receivers,
           ${share('coalesce(gave.n, 0)', 'a.n')} AS "giverShare",
           ${share('coalesce(got.n, 0)', 'a.n')} AS "receiverShare"
      FROM periods p CROSS JOIN active a
      LEFT JOIN gave ON gave.start = p.start LEFT JOIN got ON got.start = p.start
     ORDER BY p.start`;
  return {
    sql,
    params,
    columns: [
      text('periodStart'),
      int('activeMembers'),
      int('givers'),
      int('receivers'),
      num('giverShare'),
      num('receiverShare'),
    ],
  };
}

/** Recognition received by members in scope, per brand value (unused archived values left out). */
function values(s: AnalyticsScope): Statement {
  const { params, inTeams } = base(s);
  const sql = `WITH ${scopeCte(inTeams)}, ${receivedCte},
      ${perKudosCte('')},
      per AS (
        SELECT value_id, count(kudos_id)::int AS kudos, sum(points)::int AS points
          FROM per_kudos GROUP BY value_id)
    SELECT v.id AS "valueId", v.name, v.emoji, v.color,
           coalesce(per.kudos, 0) AS kudos, coalesce(per.points, 0) AS points
      FROM brand_values v LEFT JOIN per ON per.value_id = v.id
     WHERE v.organization_id = $1 AND (NOT v.archived OR per.kudos > 0)
     ORDER BY 5 DESC, 6 DESC, v.name, v.id`;
  return {
    sql,
    params,
    columns: [
      text('valueId'),
      text('name'),
      text('emoji'),
      text('color'),
      int('kudos'),
      int('points'),
    ],
  };
}

function valueWeeks(s: AnalyticsScope): Statement {
  const { params, inTeams } = base(s);
  const sql = `WITH ${scopeCte(inTeams)}, ${receivedCte},
      ${perKudosCte("date_trunc('week', rc.day)::date")}
    SELECT ${day('period')} AS "weekStart", value_id AS "valueId",
           count(kudos_id)::int AS kudos, sum(points)::int AS points
      FROM per_kudos GROUP BY period, value_id ORDER BY 1, 2`;
  return {
    sql,
    params,
    columns: [text('weekStart'), text('valueId'), int('kudos'), int('points')],
  };
}

/** Active members in scope whose last kudos received (to `to`) is before the 30-day window. */
function notRecognised(s: AnalyticsScope): Statement {
  const { params, param, inTeams } = base(s);
  const since = param(s.notRecognisedSince);
  // Each member's last kudos from one grouped read of the range and the window (whichever starts
  // first); only members with none there are looked up further back, one by one.
  const start = `least($2::date, ${since}::date)`;
  const sql = `WITH recent AS (
        SELECT r.member_id, max(k.occurred_on) AS day
          FROM kudos k ${recipientsJoin}
         WHERE k.organization_id = $1 AND k.occurred_on BETWEEN ${start} AND $3::date AND ${VISIBLE}
         GROUP BY r.member_id)
    SELECT m.id AS "memberId", m.name, m.team_id AS "teamId", t.name AS "teamName",
           ${day('coalesce(recent.day, earlier.day)')} AS "lastRecognisedOn"
      FROM members m LEFT JOIN teams t ON t.id = m.team_id
      LEFT JOIN recent ON recent.member_id = m.id
      LEFT JOIN LATERAL (
        SELECT max(k.occurred_on) AS day FROM kudos_recipients r JOIN kudos k ON k.id = r.kudos_id
         WHERE recent.day IS NULL AND r.member_id = m.id AND k.occurred_on < ${start} AND ${VISIBLE}
      ) earlier ON true
     WHERE m.organization_id = $1 AND m.active AND $2::date <= $3::date ${inTeams('m.team_id')}
       AND (recent.day IS NULL OR recent.day < ${since}::date)
     ORDER BY t.name NULLS LAST, m.name, m.id`;
  return {
    sql,
    params,
    columns: [
      text('memberId'),
      text('name'),
      text('teamId'),
      text('teamName'),
      text('lastRecognisedOn'),
    ],
  };
}

/**
 * Concentration of points received among active members in scope (zeros included): the top
 * 10%'s share and the Gini coefficient, G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n+1)/n over ascending x.
 */
function concentration(s: AnalyticsScope): Statement {
  const { params, param, inTeams } = base(s);
  const top = param(ANALYTICS_LIMITS.topShare);
  const sql = `WITH ${scopeCte(inTeams)}, ${receivedCte},
      -- Summed per member before meeting the scope: a few thousand rows to join, not every kudos.
      per AS (SELECT member_id, sum(points) AS x FROM received GROUP BY member_id),
      pts AS (SELECT s.id, coalesce(per.x, 0)::numeric AS x
                FROM scope s LEFT JOIN per ON per.member_id = s.id),
      ranked AS (SELECT x, row_number() OVER (ORDER BY x, id) AS up,
                        row_number() OVER (ORDER BY x DESC, id) AS down, count(*) OVER () AS n FROM pts),
      totals AS (SELECT count(*)::int AS n, coalesce(sum(x), 0) AS total,
                        ceil(count(*) * ${top}::numeric)::int AS top_n,
                        coalesce(sum(x) FILTER (WHERE down <= ceil(n * ${top}::numeric)), 0) AS top_points,
                        coalesce(sum(up * x), 0) AS weighted
                   FROM ranked)
    SELECT n AS members, total::int AS "totalPoints", top_n AS "topMembers",
           ${share('top_points', 'total')} AS "topShare",
           CASE WHEN total = 0 THEN 0
                ELSE round(2 * weighted / (n * total) - (n + 1)::numeric / n, 4) END AS gini
      FROM totals`;
  return {
    sql,
    params,
    columns: [int('members'), int('totalPoints'), int('topMembers'), num('topShare'), num('gini')],
  };
}

/** Points received per full-time equivalent (sum of part-time factors), per team in scope. */
function teamFte(s: AnalyticsScope): Statement {
  const { params, inTeams } = base(s);
  const sql = `WITH ${receivedCte},
      per AS (SELECT member_id, sum(points) AS x FROM received GROUP BY member_id),
      teams_ AS (
        SELECT t.id, t.name, count(m.id)::int AS members, coalesce(sum(m.part_time_factor), 0) AS fte,
               coalesce(sum(per.x), 0)::int AS points
          FROM teams t LEFT JOIN members m ON m.team_id = t.id AND m.active
          LEFT JOIN per ON per.member_id = m.id
         WHERE t.organization_id = $1 ${inTeams('t.id')}
         GROUP BY t.id, t.name)
    SELECT id AS "teamId", name AS "teamName", members, fte, points,
           coalesce(round(points / nullif(fte, 0), 2), 0) AS "pointsPerFte"
      FROM teams_ ORDER BY 6 DESC, name, id`;
  return {
    sql,
    params,
    columns: [
      text('teamId'),
      text('teamName'),
      int('members'),
      num('fte'),
      int('points'),
      num('pointsPerFte'),
    ],
  };
}

/** Givers (members of the scope's teams, active or not) by kudos given; `limit` null: all. */
function topGivers(s: AnalyticsScope, limit: number | null): Statement {
  const { params, param, inTeams } = base(s);
  const cap = limit === null ? '' : `LIMIT ${param(limit)}`;
  // Grouped per giver first, then the givers' teams and names (the scope is the giver's team).
  const sql = `WITH per AS (
        SELECT k.giver_id, count(DISTINCT k.id)::int AS kudos, sum(k.points)::int AS points,
               count(DISTINCT r.member_id)::int AS colleagues
          FROM kudos k ${recipientsJoin}
         WHERE k.organization_id = $1 AND k.occurred_on BETWEEN $2::date AND $3::date AND ${VISIBLE}
         GROUP BY k.giver_id)
    SELECT per.giver_id AS "memberId", m.name, m.team_id AS "teamId", t.name AS "teamName",
           per.kudos, per.points, per.colleagues
      FROM per JOIN members m ON m.id = per.giver_id LEFT JOIN teams t ON t.id = m.team_id
     WHERE m.organization_id = $1 ${inTeams('m.team_id')}
     ORDER BY per.kudos DESC, per.points DESC, m.name, m.id ${cap}`;
  return {
    sql,
    params,
    columns: [
      text('memberId'),
      text('name'),
      text('teamId'),
      text('teamName'),
      int('kudos'),
      int('points'),
      int('colleagues'),
    ],
  };
}

/**
 * Published missions whose span overlaps the range, per team of their audience (all teams for an
 * organisation-wide one): active members of the team, and how many of them completed it.
 */
function missions(s: AnalyticsScope): Statement {
  const { params, inTeams } = base(s);
  const sql = `WITH ms AS (
        SELECT id, title, starts_on, ends_on, team_ids FROM missions
         WHERE organization_id = $1 AND published_at IS NOT NULL
           AND starts_on <= $3::date AND ends_on >= $2::date),
      mt AS (
        SELECT ms.*, t.id AS team_id, t.name AS team_name
          FROM ms JOIN teams t ON t.organization_id = $1
           AND (cardinality(ms.team_ids) = 0 OR t.id = ANY(ms.team_ids))
         WHERE true ${inTeams('t.id')}),
      done AS (
        SELECT DISTINCT s.mission_id, s.member_id FROM mission_submissions s JOIN ms ON ms.id = s.mission_id
         WHERE s.status = 'approved' AND s.completed_on IS NOT NULL)
    SELECT mt.id AS "missionId", mt.title, ${day('mt.starts_on')} AS "startsOn", ${day('mt.ends_on')} AS "endsOn",
           mt.team_id AS "teamId", mt.team_name AS "teamName",
           count(m.id)::int AS members, count(d.member_id)::int AS completers,
           ${share('count(d.member_id)', 'count(m.id)')} AS "completionRate"
      FROM mt LEFT JOIN members m ON m.team_id = mt.team_id AND m.active
      LEFT JOIN done d ON d.mission_id = mt.id AND d.member_id = m.id
     GROUP BY mt.id, mt.title, mt.starts_on, mt.ends_on, mt.team_id, mt.team_name
     ORDER BY mt.starts_on, mt.title, mt.id, mt.team_name, mt.team_id`;
  return {
    sql,
    params,
    columns: [
      text('missionId'),
      text('title'),
      text('startsOn'),
      text('endsOn'),
      text('teamId'),
      text('teamName'),
      int('members'),
      int('completers'),
      num('completionRate'),
    ],
  };
}

/** Approved customer praise (by approval date) per team and channel. */
function praise(s: AnalyticsScope): Statement {
  const { params, inTeams } = base(s);
  const sql = `SELECT p.team_id AS "teamId", t.name AS "teamName", p.channel,
           count(*)::int AS stories, count(p.rating)::int AS rated,
           round(avg(p.rating), 2) AS "averageRating"
      FROM praise p JOIN teams t ON t.id = p.team_id
     WHERE p.organization_id = $1 AND p.status = 'approved'
       AND p.approved_on BETWEEN $2::date AND $3::date ${inTeams('p.team_id')}
     GROUP BY p.team_id, t.name, p.channel
     ORDER BY t.name, p.team_id, p.channel`;
  return {
    sql,
    params,
    columns: [
      text('teamId'),
      text('teamName'),
      text('channel'),
      int('stories'),
      int('rated'),
      num('averageRating'),
    ],
  };
}

/** Badges awarded in the range (awards are instants: the local days' bounds) to members in scope. */
function badges(s: AnalyticsScope): Statement {
  const { params, param, inTeams } = base(s);
  const from = param(s.fromInstant);
  const to = param(s.toInstantExclusive);
  const sql = `SELECT b.id AS "badgeId", b.name, b.icon, count(*)::int AS awards,
           count(DISTINCT a.member_id)::int AS members
      FROM badge_awards a JOIN badges b ON b.id = a.badge_id JOIN members m ON m.id = a.member_id
     WHERE a.organization_id = $1 AND a.awarded_at >= ${from} AND a.awarded_at < ${to}
       AND $2::date <= $3::date ${inTeams('m.team_id')}
     GROUP BY b.id, b.name, b.icon
     ORDER BY 4 DESC, b.name, b.id`;
  return {
    sql,
    params,
    columns: [text('badgeId'), text('name'), text('icon'), int('awards'), int('members')],
  };
}

/** Every table by its CSV name (the CSV lists every giver, not just the top). */
export const ANALYTICS_TABLES: Record<AnalyticsCsvTable, (s: AnalyticsScope) => Statement> = {
  'participation-weeks': (s) => participation(s, 'week'),
  'participation-months': (s) => participation(s, 'month'),
  values,
  'value-weeks': valueWeeks,
  'not-recognised': notRecognised,
  concentration,
  'team-fte': teamFte,
  'top-givers': (s) => topGivers(s, null),
  missions,
  praise,
  badges,
};

export const topGiversStatement = (s: AnalyticsScope) => topGivers(s, ANALYTICS_LIMITS.topGivers);

/** A raw row as its DTO: counts and numerics as numbers, the rest as given (null stays null). */
export function mapRow<T>(columns: Column[], row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = row[c.key] as string | number | null | undefined;
    // Text columns are text in SQL (ids, names, to_char dates): the driver hands back strings.
    out[c.key] = v === null || v === undefined ? null : c.kind === 'text' ? v : Number(v);
  }
  return out as T;
}
