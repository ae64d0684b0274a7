import type { CreatedDisplayDto } from '@bravo/shared';
import sharp from 'sharp';
import { connectLive, record, type LiveClient } from '../../../test/support/live-client';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { until } from '../../../test/support/wait';

describe('badge images', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  const sockets: LiveClient[] = [];

  const image = () =>
    sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 120, b: 20 } } })
      .png()
      .toBuffer();
  /** An upload by `token`'s member; its id. */
  async function upload(token: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([await image()], { type: 'image/png' }), 'badge.png');
    const res = await fetch(`${t.baseUrl}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const call = (token: string, method: string, path: string, body?: unknown) =>
    t.api.call(method, `/api/v1${path}`, { token, body });
  const badge = (extra: Record<string, unknown> = {}) => ({
    name: 'Shining',
    icon: 'sun',
    metric: 'kudos_given',
    threshold: 1,
    window: 'all_time',
    ...extra,
  });
  const screenImage = (token: string, id: string) =>
    fetch(`${t.baseUrl}/api/v1/display/badge-images/${id}`, {
      headers: { authorization: `Display ${token}` },
    });
  const screenOf = async (o: OrgFixture): Promise<string> => {
    const display = await call(o.admin.token, 'POST', '/displays', {
      name: 'Front TV',
      scope: 'organization',
    });
    expect(display.status).toBe(201);
    return (display.body as CreatedDisplayDto).token;
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await orgFixture(t, { people: { ana: {}, ben: {}, boss: { role: 'manager' } } });
    other = await orgFixture(t, { people: { eve: {} } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('sets an admin’s upload as a badge’s image, refuses any other upload, and clears it', async () => {
    const mine = await upload(org.admin.token);
    const created = await call(org.admin.token, 'POST', '/badges', badge({ imageId: mine }));
    expect(created.status).toBe(201);
    expect(created.body.imageId).toBe(mine);
    expect((await call(org.people.ana.token, 'GET', `/badges/${created.body.id}`)).body).toEqual(
      expect.objectContaining({ imageId: mine, icon: 'sun' }),
    );

    // Another organisation's upload, a member's (even a manager's) and one that does not exist.
    const foreign = await upload(other.admin.token);
    const members = await upload(org.people.ana.token);
    const managers = await upload(org.people.boss.token);
    for (const imageId of [foreign, members, managers, '5b0d6a5e-0a4f-4a8f-9a53-1f7e6a0c2d11']) {
      const refused = await call(org.admin.token, 'PATCH', `/badges/${created.body.id}`, {
        imageId,
      });
      expect({ status: refused.status, details: refused.body.details }).toEqual({
        status: 400,
        details: [{ field: 'imageId', code: 'unknown_image', params: {} }],
      });
      const refusedCreate = await call(org.admin.token, 'POST', '/badges', badge({ imageId }));
      expect(refusedCreate.status).toBe(400);
    }
    expect((await call(org.admin.token, 'GET', `/badges/${created.body.id}`)).body.imageId).toBe(
      mine,
    );
    expect(
      (await call(org.admin.token, 'PATCH', `/badges/${created.body.id}`, { imageId: 'nope' }))
        .status,
    ).toBe(400);

    // Other edits keep it; null clears it, and the icon is what remains.
    const renamed = await call(org.admin.token, 'PATCH', `/badges/${created.body.id}`, {
      name: 'Shining Star',
    });
    expect(renamed.body).toEqual(expect.objectContaining({ name: 'Shining Star', imageId: mine }));
    const cleared = await call(org.admin.token, 'PATCH', `/badges/${created.body.id}`, {
      imageId: null,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual(expect.objectContaining({ imageId: null, icon: 'sun' }));
    expect((await call(org.admin.token, 'GET', `/badges/${created.body.id}`)).body.imageId).toBe(
      null,
    );
  });

  it('shows a screen of the organisation only images that badges wear, and celebrates with it', async () => {
    const tv = await screenOf(org);
    const otherTv = await screenOf(other);
    const picture = await upload(org.admin.token);
    const notBadge = await upload(org.admin.token);
    const evidence = await upload(org.people.ana.token);

    const socket = await connectLive(t.baseUrl, { displayToken: tv });
    sockets.push(socket);
    const celebrations = record(socket, 'celebrations');
    const created = await call(
      org.admin.token,
      'POST',
      '/badges',
      badge({ name: 'Sunny Giver', imageId: picture, threshold: 1 }),
    );
    expect(created.status).toBe(201);
    // Ana gives: she earns it, and the screen celebrates with the badge's image.
    const kudos = await call(org.people.ana.token, 'POST', '/kudos', {
      recipientIds: [org.people.ben.member.id],
      valueId: org.valueId,
      message: 'Thank you for the warm welcome today',
      points: 0,
    });
    expect(kudos.status).toBe(201);
    await until(
      () => celebrations.flat().some((c) => c.kind === 'badge' && c.badgeName === 'Sunny Giver'),
      10_000,
      'the Sunny Giver celebration',
    );
    expect(
      celebrations.flat().find((c) => c.kind === 'badge' && c.badgeName === 'Sunny Giver'),
    ).toEqual(expect.objectContaining({ icon: 'sun', imageId: picture }));

    const shown = await screenImage(tv, picture);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toMatch(/^image\/(webp|jpeg)$/);
    expect(shown.headers.get('content-security-policy')).toContain('sandbox');
    expect((await sharp(Buffer.from(await shown.arrayBuffer())).metadata()).width).toBe(64);

    // An upload no badge wears, a member's photo, another organisation's screen, no token: 404/401.
    expect((await screenImage(tv, notBadge)).status).toBe(404);
    expect((await screenImage(tv, evidence)).status).toBe(404);
    expect((await screenImage(otherTv, picture)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/v1/display/badge-images/${picture}`)).status).toBe(401);
    // Once the badge stops wearing it, screens no longer get it.
    await call(org.admin.token, 'PATCH', `/badges/${created.body.id}`, { imageId: null });
    expect((await screenImage(tv, picture)).status).toBe(404);
  });
});
