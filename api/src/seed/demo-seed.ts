import type { DataSource, EntityManager } from 'typeorm';
import type { PasswordHasher } from '../auth/password-hasher';
import { Member } from '../members/member.entity';
import { TeamManager } from '../members/team-manager.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { BrandValue } from '../brand-values/brand-value.entity';
import { Badge } from '../badges/badge.entity';
import type { MetricQuery } from '../badges/badge-metric-source';
import { insertAwards } from '../badges/badges.repository';
import { starterBadges } from '../badges/starter-badges';
import { kudosMetricCounts } from '../kudos/kudos-metrics.queries';
import { praiseMetricCounts } from '../praise/praise-metrics.queries';
import { isMissionsMetric, missionsMetricCounts } from '../missions/missions-metrics.queries';
import { localDate } from '../points/periods';
import { seedDemoHistory } from './demo-history';
import { seedDemoMissions } from './demo-missions';
import { seedDemoPraise } from './demo-praise';
import {
  DEMO_ORG,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_TEAMS,
  DEMO_VALUES,
  demoEmail,
} from './demo-data';

const SEED_LOCK = 7_301_002;

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

/**
 * Seeds the demo organisation (with two months of history) when the database has no organisation at all.
 * A start-up tool, not a feature: it writes every feature's tables directly on the data
 * source (bulk inserts, one advisory lock), and no request path runs it.
 */
export async function seedDemoIfEmpty(
  db: DataSource,
  hasher: PasswordHasher,
  now: Date = new Date(),
): Promise<DemoLogin[] | null> {
  if ((await db.getRepository(Organization).count()) > 0) {
    return null;
  }
  // One hash for everyone: argon2 is slow on purpose and they share a password.
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  const seeded = await db.transaction(async (manager) => {
    // Two instances starting on an empty database must not both seed.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if ((await manager.count(Organization)) > 0) {
      return false;
    }
    const org = await manager.save(manager.create(Organization, { ...DEMO_ORG, rules: {} }));
    const teams = await manager.save(
      DEMO_TEAMS.map((name) =>
        manager.create(Team, { organizationId: org.id, name, nameKey: name.toLowerCase() }),
      ),
    );
    const members = await manager.save(
      DEMO_PEOPLE.map((p, i) =>
        manager.create(Member, {
          organizationId: org.id,
          name: p.name,
          email: demoEmail(p.name),
          passwordHash,
          role: p.role,
          teamId: p.team === null ? null : teams[p.team].id,
          // Joined before the two months of history: the owner first, then over the year before.
          createdAt: new Date(now.getTime() - (400 - i * 11) * 86_400_000),
        }),
      ),
    );
    const managers = DEMO_PEOPLE.flatMap((p, i) =>
      (p.manages ?? []).map((t) => ({
        memberId: members[i].id,
        teamId: teams[t].id,
        organizationId: org.id,
      })),
    );
    await manager.insert(TeamManager, managers);
    const values = await manager.save(
      DEMO_VALUES.map((v) =>
        manager.create(BrandValue, {
          ...v,
          organizationId: org.id,
          nameKey: v.name.toLowerCase(),
          archived: false,
        }),
      ),
    );
    const people = members.map((m) => ({ id: m.id, teamId: m.teamId, role: m.role }));
    await seedDemoHistory(
      manager,
      org,
      people,
      values.map((v) => v.id),
      now,
    );
    const valueId = (hashtag: string) =>
      values.find((v) => v.hashtag === hashtag)?.id ?? values[0].id;
    await seedDemoMissions(
      manager,
      org,
      people,
      teams,
      {
        warmWelcome: valueId('WarmWelcome'),
        craft: valueId('CraftInEveryCup'),
        greenPlanet: valueId('GreenPlanet'),
      },
      now,
    );
    await seedDemoPraise(manager, org, people, teams, valueId, now);
    // The starter badges, awarded for the history as a new badge is (they carry no bonus).
    const badges = await manager.save(
      starterBadges(org.id, values).map((b) => manager.create(Badge, b)),
    );
    const today = localDate(now, org.timezone);
    for (const badge of badges) {
      const countsOf = isMissionsMetric(badge.metric)
        ? (m: EntityManager, q: MetricQuery) => missionsMetricCounts(m, q, org.timezone)
        : badge.metric === 'praise_approved'
          ? praiseMetricCounts
          : kudosMetricCounts;
      const counts = await countsOf(manager, {
        organizationId: org.id,
        metric: badge.metric,
        window: badge.window,
        valueId: badge.valueId,
        memberIds: null,
        windows: 'all',
        today,
        atLeast: badge.threshold,
      });
      await insertAwards(manager, org.id, badge.id, counts, now);
    }
    return true;
  });
  if (!seeded) {
    return null;
  }
  const first = (role: string) => DEMO_PEOPLE.find((p) => p.role === role)?.name ?? '';
  return ['admin', 'manager', 'employee'].map((role) => ({
    role,
    email: demoEmail(first(role)),
    password: DEMO_PASSWORD,
  }));
}
