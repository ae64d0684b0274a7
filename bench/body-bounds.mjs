// Bodies at each of the JSON parser's limits (api/src/server/json-body-limits.ts) against a
// small refused login body: one request at a limit, or far past it, must cost about what any request
// costs, and must not hold up a health check sent meanwhile (the instance stays responsive).
import { createRequire } from 'node:module';
import { nested, sized, withEntries } from '../test/support/login-bodies.js';

const require = createRequire(import.meta.url);
const { JSON_BODY_LIMITS: LIMITS } = require('../api/dist/server/json-body-limits.js');

const TRIES = 9;

/** One login with `body`, and a health check sent at the same moment: both round trips. */
async function once(url, body) {
  const started = performance.now();
  const login = fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  }).then(async (r) => ({
    status: r.status,
    ms: performance.now() - started,
    text: await r.text(),
  }));
  const healthStarted = performance.now();
  const health = fetch(`${url}/api/health`).then(async (r) => {
    await r.text();
    return performance.now() - healthStarted;
  });
  const [answer, healthMs] = await Promise.all([login, health]);
  return { status: answer.status, ms: answer.ms, healthMs };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (n) => Math.round(n * 10) / 10;

async function measure(url, body) {
  const tries = [];
  for (let i = 0; i < TRIES; i++) {
    tries.push(await once(url, body));
  }
  return {
    status: tries[0].status,
    bytes: Buffer.byteLength(body),
    ms: round(median(tries.map((t) => t.ms))),
    healthMs: round(median(tries.map((t) => t.healthMs))),
  };
}

export async function bodyBounds(url) {
  const cases = {
    // Refused by validation like the cases at a limit (an unknown field), without the bulk.
    floor: withEntries(3),
    sizeAtLimit: sized(LIMITS.bytes),
    keysAtLimit: withEntries(LIMITS.keys),
    depthAtLimit: nested(LIMITS.depth),
    nesting30k: nested(30_000),
    nesting100k: nested(100_000),
    keys85k: withEntries(85_000),
  };
  await measure(url, cases.floor); // warm-up
  const results = {};
  for (const [name, body] of Object.entries(cases)) {
    results[name] = await measure(url, body);
  }
  const floor = results.floor;
  for (const [name, figures] of Object.entries(results)) {
    if (name !== 'floor') {
      figures.msRatio = Math.round((figures.ms / floor.ms) * 100) / 100;
      figures.healthRatio = Math.round((figures.healthMs / floor.healthMs) * 100) / 100;
    }
  }
  return results;
}
