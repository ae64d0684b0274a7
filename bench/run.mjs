// `npm run bench`: figures as JSON, each beside a floor measured in the same run.
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { liveApi, liveFloor, memoryPerSocket } from './live.mjs';
import { boardReads, health, kudosViaApi, kudosViaSql, seedBoard, setupOrg } from './scenarios.mjs';
import { startApp, startBareFastify, startDatabase } from './setup.mjs';
import { firstStart } from './first-start.mjs';
import { ensureBenchTools } from './tools.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
/**
 * BENCH_ONLY=live,kudos runs only those sections (kudos, badges, health, body-bounds, live, leaderboard, web,
 * praise-page, analytics, first-start). first-start (a fresh clone's `npm install && npm start`) runs only when named.
 */
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const runs = (section) => !ONLY || ONLY.includes(section);
const ratio = (a, b) => Math.round((a / b) * 100) / 100;

/** How many awards a badge has, straight from the database. */
async function countAwards(databaseUrl, badgeId) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM badge_awards WHERE badge_id = $1',
      [badgeId],
    );
    return [rows[0].n];
  } finally {
    await client.end();
  }
}

/** The sections that measure the API-only app against its floors. */
const API_SECTIONS = [
  'kudos',
  'badges',
  'badges-retro',
  'health',
  'body-bounds',
  'live',
  'leaderboard',
  'analytics',
];

async function main() {
  const db = await startDatabase();
  const needsApi = API_SECTIONS.some(runs);
  const app = needsApi ? await startApp(db.url) : undefined;
  const bare = needsApi ? await startBareFastify() : undefined;
  const results = {
    machine: {
      cpus: (await import('node:os')).cpus().length,
      node: process.version,
      database: db.server,
    },
  };
  try {
    // Kudos: API vs the same SQL through pg, concurrency 32.
    if (runs('kudos')) {
      const org = await setupOrg(app.url);
      const load = { concurrency: 32, total: QUICK ? 500 : 3000 };
      await kudosViaApi(app.url, org, { concurrency: 32, total: 200 }); // warm-up
      const api = await kudosViaApi(app.url, org, load);
      const floor = await kudosViaSql(db.url, org, load);
      results.kudos = {
        concurrency: 32,
        api,
        sqlFloor: floor,
        throughputRatio: ratio(api.throughputPerSec, floor.throughputPerSec),
        goal: 'ratio >= 0.3, api p99 < 50 ms',
      };
    }

    // Badges: giving with 20 active badges and 10 tracked missions ÷ giving with neither
    // (evaluation must not slow it).
    if (runs('badges')) {
      const { badgeOverhead, withBadges, withoutBadges, withTrackedMissions } =
        await import('./badges.mjs');
      const plain = await setupOrg(app.url);
      const badged = await setupOrg(app.url);
      const plainBadges = await withoutBadges(app.url, plain);
      const activeBadges = await withBadges(app.url, badged, 20);
      const trackedMissions = await withTrackedMissions(app.url, badged, 10);
      const load = { concurrency: 32, total: QUICK ? 500 : 2000 };
      const measured = await badgeOverhead(app.url, plain, badged, { load, rounds: 3 });
      results.badges = {
        concurrency: 32,
        activeBadges: { without: plainBadges, with: activeBadges },
        trackedMissions: { without: 0, with: trackedMissions },
        without: measured.without,
        with: measured.with,
        throughputRatio: ratio(measured.with.throughputPerSec, measured.without.throughputPerSec),
        goal: 'ratio >= 0.9',
      };
    }

    // A new badge awarded backwards over a year of kudos: how the time grows with the members.
    if (ONLY?.includes('badges-retro')) {
      const { retroactiveAward, seedKudosYear } = await import('./badges.mjs');
      const sizes = (process.env.BENCH_RETRO_MEMBERS ?? '10000,100000').split(',').map(Number);
      results.badgesRetro = [];
      for (const members of sizes) {
        const org = await seedKudosYear(db.url, { members, perMember: 10 });
        const timed = await retroactiveAward(app.url, org).catch((error) => {
          throw new Error(`${error.message}\n${app.log().slice(-4000)}`);
        });
        const [awards] = await countAwards(db.url, timed.badgeId);
        results.badgesRetro.push({ members, kudos: org.kudos, awards, ...timed });
      }
    }

    // Bodies at the parser's limits (and far past them) vs a small body: nothing freezes.
    if (runs('body-bounds')) {
      const { bodyBounds } = await import('./body-bounds.mjs');
      results.bodyBounds = {
        ...(await bodyBounds(app.url)),
        goal: 'at or past a limit: msRatio and healthRatio < 5 (a few ms), 413/400 answers',
      };
    }

    // Framework overhead: GET /api/health vs bare Fastify.
    if (runs('health')) {
      const hload = { concurrency: 32, total: QUICK ? 3000 : 20000 };
      await health(app.url, { concurrency: 32, total: 1000 });
      await health(bare.url, { concurrency: 32, total: 1000 });
      // Alternating rounds, best of each: a neighbour's burst of CPU should not decide the ratio.
      const best = (a, b) => (!a || b.throughputPerSec > a.throughputPerSec ? b : a);
      let appHealth;
      let bareHealth;
      for (let round = 0; round < 2; round++) {
        appHealth = best(appHealth, await health(app.url, hload));
        bareHealth = best(bareHealth, await health(bare.url, hload));
      }
      results.health = {
        concurrency: 32,
        app: appHealth,
        bareFastify: bareHealth,
        throughputRatio: ratio(appHealth.throughputPerSec, bareHealth.throughputPerSec),
        goal: 'ratio >= 0.7',
      };
    }

    if (runs('live')) {
      // Live: POST /kudos → receipt on 1,000 sockets, lone and in a burst of 300 kudos/s, vs bare socket.io.
      const liveLoad = {
        sockets: QUICK ? 200 : 1000,
        burstRate: QUICK ? 100 : 300,
        burstSeconds: QUICK ? 2 : 3,
      };
      const liveOrg = await setupOrg(app.url, 8, 4);
      const liveBravo = await liveApi(app, liveOrg, liveLoad);
      const liveBare = await liveFloor(liveLoad);
      results.live = {
        bravo: liveBravo,
        bareSocketIo: liveBare,
        memory: await memoryPerSocket(db.url, liveOrg, QUICK ? 1000 : 5000),
        goal: 'lone p99 < 100 ms; burst p99 < 400 ms with <= 5 messages/socket/s; <= 25 µs CPU per message; <= 30 KB per idle socket',
      };
    }

    // Leaderboard reads (top 20 + my rank): small vs big organisation.
    if (runs('leaderboard')) {
      const small = await seedBoard(db.url, { members: 1000, perMember: 10 });
      const big = await seedBoard(
        db.url,
        QUICK ? { members: 10000, perMember: 20 } : { members: 100000, perMember: 20 },
      );
      const rload = { concurrency: 4, total: QUICK ? 300 : 2000 };
      await boardReads(app.url, small.token, { concurrency: 4, total: 100 });
      await boardReads(app.url, big.token, { concurrency: 4, total: 100 });
      const smallReads = await boardReads(app.url, small.token, rload);
      const bigReads = await boardReads(app.url, big.token, rload);
      results.leaderboard = {
        small: { members: small.members, ledgerRows: small.ledgerRows, ...smallReads },
        big: { members: big.members, ledgerRows: big.ledgerRows, ...bigReads },
        p99RatioBigToSmall: ratio(bigReads.p99Ms, smallReads.p99Ms),
        p50RatioBigToSmall: ratio(bigReads.p50Ms, smallReads.p50Ms),
        goal: 'big p99 < 10 ms, ratio <= 1.5',
      };
    }

    // Analytics over a year of kudos: each endpoint beside a plain count of the same rows.
    if (runs('analytics')) {
      const { analyticsTimings, seedAnalyticsYear } = await import('./analytics.mjs');
      const sizes = (process.env.BENCH_ANALYTICS_MEMBERS ?? (QUICK ? '5000' : '5000,50000'))
        .split(',')
        .map(Number);
      results.analytics = { goal: 'every endpoint < 1,000 ms at 5,000 members', sizes: [] };
      for (const members of sizes) {
        const org = await seedAnalyticsYear(db.url, { members, perMember: 10 });
        const timings = await analyticsTimings(app.url, db.url, org, { runs: QUICK ? 3 : 5 });
        results.analytics.sizes.push({
          members,
          teams: org.teams,
          kudos: org.kudos,
          ...timings,
        });
      }
    }

    // A fresh clone's `npm install && npm start`, on an otherwise idle machine: before the rest.
    if (ONLY?.includes('first-start')) {
      results.firstStart = await firstStart();
    }

    // Lighthouse: the built web app with the demo organisation, on a database of its own.
    if (runs('web')) {
      ensureBenchTools();
      const { webScores } = await import('./web.mjs');
      await buildIfNeeded(['@bravo/web']);
      const webDb = await startDatabase('web');
      try {
        results.web = await webScores(webDb.url, { runs: QUICK ? 1 : 3 });
      } finally {
        await webDb.stop();
      }
    }

    // Lighthouse on the customer's praise page (`/p/<code>`), a phone on slow 4G, logged out.
    if (runs('praise-page')) {
      ensureBenchTools();
      const { praisePageScores } = await import('./web.mjs');
      await buildIfNeeded(['@bravo/web']);
      const pageDb = await startDatabase('praise');
      try {
        results.praisePage = await praisePageScores(pageDb.url, { runs: QUICK ? 1 : 3 });
      } finally {
        await pageDb.stop();
      }
    }
  } finally {
    await bare?.stop();
    await app?.stop();
    await db.stop();
  }
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
