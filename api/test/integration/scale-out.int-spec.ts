import { randomBytes } from 'node:crypto';
import { connectLive, record } from '../../../test/support/live-client';
import { orgFixture } from '../../../test/support/org-fixture';
import { redisReachable, TEST_REDIS_URL } from '../../../test/support/redis-probe';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

const redisUp = redisReachable();
if (!redisUp) {
  console.warn(
    `SKIPPED scale-out test: no Redis answers at ${TEST_REDIS_URL} (set TEST_REDIS_URL to run it).`,
  );
}
const itWithRedis = redisUp ? it : it.skip;

describe('two API instances sharing PostgreSQL and Redis', () => {
  let a: TestApp | undefined;
  let b: TestApp | undefined;

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  itWithRedis(
    'a kudos given through instance A reaches a socket connected to instance B',
    async () => {
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        REDIS_STREAM_NAME: `bravo-test:${randomBytes(4).toString('hex')}`,
      };
      a = await startTestApp({ env });
      b = await startTestApp({ env, shareDatabaseOf: a });
      const org = await orgFixture(a, { people: { ana: {}, ben: {} } });
      const display = await a.api.call('POST', '/api/v1/displays', {
        token: org.admin.token,
        body: { name: 'On B', scope: 'organization' },
      });

      const member = await connectLive(b.baseUrl, { token: org.people.ben.token });
      const screen = await connectLive(b.baseUrl, { displayToken: display.body.token });
      const memberKudos = record(member, 'kudos.created');
      const screenKudos = record(screen, 'kudos.created');
      const notes = record(member, 'notification');

      const res = await a.api.call('POST', '/api/v1/kudos', {
        token: org.people.ana.token,
        body: {
          recipientIds: [org.people.ben.member.id],
          valueId: org.valueId,
          message: 'Across instances!',
          points: 3,
        },
      });
      expect(res.status).toBe(201);
      await until(() => memberKudos.length > 0 && screenKudos.length > 0 && notes.length > 0);
      expect(screenKudos[0].items[0].message).toBe('Across instances!');

      // Revoking on A disconnects the screen on B.
      let gone = false;
      screen.on('disconnect', () => (gone = true));
      await a.api.call('DELETE', `/api/v1/displays/${display.body.id}`, { token: org.admin.token });
      await until(() => gone, 5000);
      member.close();
    },
  );
});
