import { ROLES, type Role } from '@bravo/shared';
import fc from 'fast-check';
import { Client } from 'pg';
import { ApiClient } from '../support/api-client';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { buildFullOrg, type FullOrg } from '../support/full-org';
import {
  collectionOf,
  fillPath,
  isIdName,
  loadOperations,
  type Operation,
  type Schema,
} from '../support/openapi';
import { validObject, validValue, type IdsFor } from '../support/schema-arbitraries';
import { createTestDatabase } from '../support/test-database';
import { describeRequest, send, WalkSession, type WalkRequest } from '../support/walk-requests';

const RANK: Record<Role, number> = { employee: 0, manager: 1, admin: 2 };
const SEED = 10;

/**
 * The most ordinary valid value of a schema: its example when the document
 * gives one, numbers near their minimum (business rules cap points far below
 * the schema). So requests get past validation to where the scope is checked.
 */
function ordinary(schema: Schema): Schema {
  const pinned: Schema = {
    ...schema,
    ...(schema.example !== undefined ? { enum: [schema.example] } : {}),
    ...(schema.type === 'number' || schema.type === 'integer'
      ? { maximum: Math.min(schema.maximum ?? 5, (schema.minimum ?? 0) + 5) }
      : {}),
  };
  if (schema.items) {
    pinned.items = ordinary(schema.items);
  }
  if (schema.properties) {
    pinned.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, ordinary(v)]),
    );
  }
  return pinned;
}

/** One value from an arbitrary, the same on every run. */
const one = <T>(arbitrary: fc.Arbitrary<T>): T =>
  fc.sample(arbitrary, { numRuns: 1, seed: SEED })[0];

/**
 * The requests that try `op` on the victim's data: every victim id the path
 * can take, a valid body holding victim ids (the required fields, then each
 * optional one added), and each query parameter on its own, again with victim ids.
 */
function attemptsOn(op: Operation, victim: FullOrg): WalkRequest[] {
  const known = Object.keys(victim.ids);
  const all = Object.values(victim.ids).flat();
  const idsFor: IdsFor = (name) => victim.ids[collectionOf(name, undefined, known) ?? ''] ?? all;
  const valueOf = (schema: Schema, name: string) => one(validValue(ordinary(schema), name, idsFor));

  const paths = op.parameters
    .filter((p) => p.in === 'path')
    .reduce<Record<string, string>[]>(
      (combos, p) => {
        const values = isIdName(p.name)
          ? (victim.ids[collectionOf(p.name, op.path, known) ?? ''] ?? all)
          : ['no-such-token-of-any-organisation-0000000'];
        return combos.flatMap((c) => values.map((v) => ({ ...c, [p.name]: v })));
      },
      [{}],
    );

  const bodies: (Record<string, unknown> | undefined)[] = [undefined];
  if (op.body) {
    const body = ordinary(op.body);
    const required = one(validObject({ ...body, properties: requiredOnly(body) }, idsFor));
    bodies[0] = required;
    for (const [name, schema] of Object.entries(body.properties ?? {})) {
      if (!(body.required ?? []).includes(name)) {
        bodies.push({ ...required, [name]: valueOf(schema, name) });
      }
    }
  }
  const queries = [
    '',
    ...op.parameters
      .filter((p) => p.in === 'query')
      .map((p) => `?${p.name}=${encodeURIComponent(String(valueOf(p.schema, p.name)))}`),
  ];

  return paths.flatMap((values) => {
    const url = fillPath(op.path, values);
    return [
      ...bodies.map((body) => ({ method: op.method, url, ...(body ? { body } : {}) })),
      ...queries.slice(1).map((query) => ({
        method: op.method,
        url: `${url}${query}`,
        ...(bodies[0] ? { body: bodies[0] } : {}),
      })),
    ];
  });
}

function requiredOnly(schema: Schema): Record<string, Schema> {
  const required = schema.required ?? [];
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(([name]) => required.includes(name)),
  );
}

describe('the tenant walk: every operation, as each role of another organisation, on the first one’s ids', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let db: Client;
  let victim: FullOrg;
  let intruder: FullOrg;
  let sessions: Record<Role, WalkSession>;
  let operations: Operation[];
  let scoped: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    app = await startAppProcess({
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      LOGIN_MAX_ATTEMPTS_PER_IP: '1000000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000',
    });
    const api = new ApiClient(app.url);
    victim = await buildFullOrg(api, 'Victim');
    intruder = await buildFullOrg(api, 'Intruder');
    sessions = Object.fromEntries(
      ROLES.map((role) => {
        const s = intruder.sessions[role];
        return [role, new WalkSession(api, s.member.email, s.token)];
      }),
    ) as Record<Role, WalkSession>;
    operations = await loadOperations(app.url);
    const { rows } = await db.query<{ name: string; scoped: boolean }>(
      `SELECT table_name AS name, bool_or(column_name = 'organization_id') AS scoped
         FROM information_schema.columns WHERE table_schema = 'public' GROUP BY 1 ORDER BY 1`,
    );
    scoped = rows.filter((r) => r.scoped).map((r) => r.name);
    // Every other table is checked whole; only these two may lack the column.
    expect(rows.filter((r) => !r.scoped).map((r) => r.name)).toEqual([
      'migrations',
      'organizations',
    ]);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await app?.stop();
    await database?.drop();
  });

  /** One hash per table over the victim's rows. */
  const victimRows = async (): Promise<string[]> => {
    const parts = [
      `SELECT 'organizations' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h
         FROM organizations x WHERE id = $1`,
      ...scoped.map(
        (t) => `SELECT '${t}', md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))
                  FROM "${t}" x WHERE organization_id = $1`,
      ),
    ];
    const { rows } = await db.query<{ t: string; h: string }>(parts.join(' UNION ALL '), [
      victim.organizationId,
    ]);
    return rows.map((r) => `${r.t}:${r.h}`);
  };

  it('reads each route’s minimum role from the document', () => {
    const roles = new Set(operations.map((op) => op.minRole));
    expect([...roles].sort()).toEqual(['admin', 'employee', 'manager', 'public']);
  });

  it('no answer carries or changes the first organisation’s data; below a route’s role it is 403', async () => {
    const failures: string[] = [];
    let before = await victimRows();
    let attempts = 0;
    for (const op of operations) {
      for (const role of ROLES) {
        for (const request of attemptsOn(op, victim)) {
          attempts++;
          const session = sessions[role];
          const res = await send(app.url, session.token, request);
          const what = `${role}: ${describeRequest(request)} → ${res.status}`;
          const below = op.minRole !== 'public' && RANK[role] < RANK[op.minRole];
          const code = (res.json as { code?: unknown } | undefined)?.code;
          if (below && !(res.status === 403 && code === 'forbidden')) {
            failures.push(`below ${op.minRole}, not a 403: ${what}`);
          }
          if (res.status >= 500) {
            failures.push(`a server error: ${what} ${res.text.slice(0, 200)}`);
          }
          if (res.status < 300) {
            const text = res.text.toLowerCase();
            const leaked = victim.secrets.filter((secret) => text.includes(secret));
            if (leaked.length > 0) {
              failures.push(`returned ${leaked.join(', ')}: ${what}`);
            }
          }
          const after = await victimRows();
          const changed = after.filter((h, i) => h !== before[i]);
          if (changed.length > 0) {
            failures.push(`changed ${changed.map((h) => h.split(':')[0]).join(', ')}: ${what}`);
            before = after;
          }
          await session.renewIfEnded(request, res.status);
        }
      }
    }
    expect(failures).toEqual([]);
    // The walk did walk: every operation, three roles, every victim id its path takes.
    expect(attempts).toBeGreaterThan(operations.length * ROLES.length);
  }, 180_000);
});
