import { randomUUID } from 'node:crypto';
import { MembersService } from '../../src/members/members.service';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

describe('member lookups by many ids', () => {
  let t: TestApp;
  let org: OrgFixture;
  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, { people: { ana: {}, ben: {} } });
  });
  afterAll(() => t.close());

  it('answers for more ids than PostgreSQL has bind parameters (a badge awarded backwards)', async () => {
    const members = t.app.get(MembersService);
    const ana = org.people.ana.member.id;
    // 70,000 ids: one parameter each would overflow PostgreSQL's 65,535.
    const ids = [ana, ...Array.from({ length: 70_000 }, () => randomUUID())];
    const active = await members.activeSummaries(org.admin.member.organization.id, ids);
    expect(active.map((m) => m.id)).toEqual([ana]);
    const named = await members.summaries(org.admin.member.organization.id, ids);
    expect([...named.keys()]).toEqual([ana]);
  });
});
