import type { MemberDto, Page } from '@bravo/shared';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

/** Colleagues' e-mail addresses: only for those who look after them. */
describe('member e-mail privacy', () => {
  let t: TestApp;
  let org: OrgFixture;

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, {
      teams: ['North', 'South'],
      people: {
        ema: { team: 0 },
        eli: { team: 1 },
        max: { role: 'manager', team: 0, manages: [0] },
      },
    });
  });
  afterAll(() => t.close());

  /** handle → the e-mail `viewer` is shown, from the list and from each member's own page. */
  const emailsSeenBy = async (token: string) => {
    const list = await t.api.call<Page<MemberDto>>('GET', '/api/v1/members', { token });
    expect(list.status).toBe(200);
    const handles = { admin: org.admin, ...org.people };
    const seen: Record<string, { list: string | null; one: string | null }> = {};
    for (const [handle, session] of Object.entries(handles)) {
      const one = await t.api.call<MemberDto>('GET', `/api/v1/members/${session.member.id}`, {
        token,
      });
      expect(one.status).toBe(200);
      const listed = list.body.items.find((m) => m.id === session.member.id);
      seen[handle] = { list: listed ? listed.email : 'missing', one: one.body.email };
    }
    return seen;
  };
  const own = (handle: 'ema' | 'eli' | 'max' | 'admin') => {
    const email = (handle === 'admin' ? org.admin : org.people[handle]).member.email;
    return { list: email, one: email };
  };
  const hidden = { list: null, one: null };

  it('an employee sees only their own', async () => {
    expect(await emailsSeenBy(org.people.ema.token)).toEqual({
      admin: hidden,
      ema: own('ema'),
      eli: hidden,
      max: hidden,
    });
  });

  it('a manager sees their own and their team members’, no one else’s', async () => {
    expect(await emailsSeenBy(org.people.max.token)).toEqual({
      admin: hidden,
      ema: own('ema'),
      eli: hidden,
      max: own('max'),
    });
  });

  it('an admin sees everyone’s', async () => {
    expect(await emailsSeenBy(org.admin.token)).toEqual({
      admin: own('admin'),
      ema: own('ema'),
      eli: own('eli'),
      max: own('max'),
    });
  });

  it('the caller still gets their own e-mail from /me', async () => {
    const me = await t.api.call('GET', '/api/v1/me', { token: org.people.eli.token });
    expect(me.body.email).toBe(org.people.eli.member.email);
  });
});
