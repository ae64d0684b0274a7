import fc from 'fast-check';
import { Client } from 'pg';
import { BACKGROUND_EVALUATION } from '../../api/src/database/background-work';
import { ApiClient } from '../support/api-client';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { buildFullOrg, type FullOrg } from '../support/full-org';
import {
  collectionOf,
  fillPath,
  isIdName,
  loadOperations,
  type Operation,
} from '../support/openapi';
import {
  hostileBody,
  hostileUrlText,
  hostileValue,
  validValue,
  type IdsFor,
} from '../support/schema-arbitraries';
import { createTestDatabase } from '../support/test-database';
import {
  describeRequest,
  errorShapeProblem,
  send,
  WalkSession,
  type WalkRequest,
} from '../support/walk-requests';

/** Fixed, so a failure replays: fast-check prints the seed and the path of the counterexample. */
const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 150);

/**
 * Every write, logged by a row-level trigger on every table (installed in this
 * test's own database): a rejected request must leave no row behind. A trigger
 * sees exactly the committed writes (a rolled-back one takes its log row with
 * it) and costs one `max(id)` per request, where checksumming every table would not.
 * Badge awards that an earlier kudos set off run in the background (their transactions
 * name themselves `BACKGROUND_EVALUATION`): not the refused request's writes, so not logged.
 */
async function installWriteLog(db: Client): Promise<void> {
  await db.query(`
    CREATE TABLE fuzz_writes (id bigserial PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL);
    CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('application_name') <> '${BACKGROUND_EVALUATION}' THEN
          INSERT INTO fuzz_writes (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP);
        END IF;
        RETURN NULL;
      END $$;
    DO $$ DECLARE t text; BEGIN
      FOR t IN SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'fuzz_writes'
      LOOP
        EXECUTE format('CREATE TRIGGER fuzz_log AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()', t);
        EXECUTE format('CREATE TRIGGER fuzz_log_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_write()', t);
      END LOOP;
    END $$;`);
}

/** A request for `op` with generated path ids, query string, headers and body. */
function requestFor(op: Operation, org: FullOrg): fc.Arbitrary<WalkRequest> {
  const known = Object.keys(org.ids);
  const all = Object.values(org.ids).flat();
  const idsFor: IdsFor = (name) => org.ids[collectionOf(name, undefined, known) ?? ''] ?? all;
  const byIn = (where: string) => op.parameters.filter((p) => p.in === where);

  const path = fc.record(
    Object.fromEntries(
      byIn('path').map((p) => {
        const real = org.ids[collectionOf(p.name, op.path, known) ?? ''] ?? all;
        const valid = isIdName(p.name)
          ? fc.oneof(fc.constantFrom(...real), fc.uuid())
          : validValue(p.schema, p.name, idsFor);
        return [p.name, hostileUrlText(valid)];
      }),
    ),
  );
  // Each query parameter absent more often than not, so the others get a chance to be tested.
  const queryParams = byIn('query').map((p) =>
    fc
      .oneof(
        { arbitrary: fc.constant([]), weight: 2 },
        {
          arbitrary: fc.array(hostileUrlText(validValue(p.schema, p.name, idsFor)), {
            minLength: 1,
            maxLength: 2,
          }),
          weight: 1,
        },
      )
      .map((values) => values.map((v) => `${p.name}=${v}`)),
  );
  const strayQuery = fc.option(
    fc.constantFrom(
      '__proto__=1',
      'constructor%5Bprototype%5D%5Bx%5D=1',
      'unknownParam=1',
      '%00=1',
    ),
    { freq: 6 },
  );
  const query = fc
    .tuple(fc.tuple(...queryParams), strayQuery)
    .map(([parts, stray]) => [...parts.flat(), ...(stray ? [stray] : [])].join('&'));
  const headers = fc.record(
    Object.fromEntries(
      byIn('header').map((p) => [
        p.name,
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 20 }),
          fc.constantFrom('', 'x'.repeat(201), 'é\u00ff', ' padded '),
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
  const withBody = op.method !== 'GET' && op.method !== 'HEAD';
  const body = op.body
    ? hostileBody(op.body, idsFor)
    : withBody
      ? fc.option(hostileValue({}, 'body', idsFor), { freq: 5, nil: undefined })
      : fc.constant(undefined);

  return fc.record({ path, query, headers, body }).map((r) => ({
    method: op.method,
    url: `${fillPath(op.path, r.path)}${r.query ? `?${r.query}` : ''}`,
    headers: r.headers as Record<string, string>,
    ...(withBody && r.body !== undefined ? { body: r.body } : {}),
  }));
}

describe('a schema fuzz of every operation of the OpenAPI document', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let db: Client;
  let org: FullOrg;
  let operations: Operation[];
  let session: WalkSession;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    await installWriteLog(db);
    app = await startAppProcess({
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      // The fuzz sends hundreds of logins: the throttle must not turn them all into 429s.
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
    });
    const api = new ApiClient(app.url);
    org = await buildFullOrg(api, 'Fuzz');
    const admin = org.sessions.admin;
    session = new WalkSession(api, admin.member.email, admin.token);
    operations = await loadOperations(app.url);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await app?.stop();
    await database?.drop();
  });

  const writes = async () =>
    Number(
      (await db.query<{ n: string }>('SELECT coalesce(max(id), 0) AS n FROM fuzz_writes')).rows[0]
        .n,
    );

  it('finds operations with bodies, query strings and path ids to fuzz', () => {
    // Without the swagger plugin's body schemas (a build by `nest build`) the fuzz would test little.
    expect(operations.filter((op) => op.body).length).toBeGreaterThan(10);
    expect(
      operations.filter((op) => op.parameters.some((p) => p.in === 'query')).length,
    ).toBeGreaterThan(3);
    expect(
      operations.filter((op) => op.parameters.some((p) => p.in === 'path')).length,
    ).toBeGreaterThan(10);
  });

  it('never answers 5xx, always the error shape on 4xx, and writes nothing when it refuses', async () => {
    // FUZZ_STATS=1 prints how often each operation got past validation (a fuzz that only meets 400s tests little).
    const tally = new Map<string, Record<number, { n: number; last: string }>>();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestFor(op, org), async (request) => {
          const before = await writes();
          const res = await send(app.url, session.token, request);
          const counts = tally.get(`${op.method} ${op.path}`) ?? {};
          counts[res.status] = {
            n: (counts[res.status]?.n ?? 0) + 1,
            last: `${describeRequest(request).slice(0, 200)} ${res.text.slice(0, 120)}`,
          };
          tally.set(`${op.method} ${op.path}`, counts);
          const what = `${describeRequest(request)} → ${res.status} ${res.text.slice(0, 300)}`;
          if (res.status >= 500) {
            throw new Error(`a server error: ${what}`);
          }
          if (res.status >= 400) {
            const problem = errorShapeProblem(res.status, res.json);
            if (problem) {
              throw new Error(`${problem}: ${what}`);
            }
            const after = await writes();
            if (after !== before) {
              const { rows } = await db.query(
                'SELECT table_name, operation FROM fuzz_writes WHERE id > $1',
                [before],
              );
              throw new Error(`refused, yet wrote ${JSON.stringify(rows)}: ${what}`);
            }
          }
          await session.renewIfEnded(request, res.status);
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION },
      );
    }
    if (process.env.FUZZ_STATS) {
      console.log([...tally].map(([op, counts]) => `${op} ${JSON.stringify(counts)}`).join('\n'));
    }
  }, 240_000);
});
