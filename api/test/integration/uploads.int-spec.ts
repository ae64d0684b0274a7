import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { SESSION_COOKIE, type UploadDto } from '@bravo/shared';
import sharp from 'sharp';
import { MAX_UPLOADS_PER_MEMBER } from '../../src/uploads/upload-throttle';
import { orgFixture, type OrgFixture } from '../../../test/support/org-fixture';
import { startTestApp, type TestApp } from '../../../test/support/test-app';

interface FilePart {
  field?: string;
  bytes: Buffer | string;
  name?: string;
  type?: string;
}

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary bodies
  body: any;
}

// --- fixtures, made here with sharp (no binary files in git) -------------------------------

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 150, b: 90 } } });

/** A phone photo: EXIF with an orientation (rotate 90°), a description and a GPS position. */
const jpegWithGps = () =>
  photo(600, 400)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { ImageDescription: 'back-door-of-the-harbour-store', Copyright: 'Ana' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 26/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 39/1',
      },
    })
    .toBuffer();

/** Whether EXIF data holds a GPS directory (tag 0x8825 in IFD0), in either byte order. */
function hasGpsDirectory(exif: Buffer): boolean {
  const tiff = exif.indexOf('MM\u0000*') >= 0 ? 'MM' : 'II';
  const tag = tiff === 'MM' ? Buffer.from([0x88, 0x25]) : Buffer.from([0x25, 0x88]);
  return exif.includes(tag);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) {
      crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid PNG of a few hundred bytes that says it is 20000×20000 (400 megapixels). */
function pngBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(20_000, 0);
  header.writeUInt32BE(20_000, 4);
  header[8] = 8; // 8-bit grey
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(20_001 * 4))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('uploads', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  let dir: string;

  const rows = async (): Promise<number> =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM uploads`))[0].n);
  const files = async (): Promise<string[]> => (await readdir(dir)).sort();

  async function send(
    parts: FilePart[] | null,
    options: { token?: string; headers?: Record<string, string>; body?: RequestInit['body'] } = {},
  ): Promise<Answer> {
    let body = options.body;
    if (parts) {
      const form = new FormData();
      for (const part of parts) {
        const bytes = typeof part.bytes === 'string' ? Buffer.from(part.bytes) : part.bytes;
        form.append(
          part.field ?? 'file',
          new Blob([bytes], { type: part.type ?? 'image/jpeg' }),
          part.name ?? 'photo.jpg',
        );
      }
      body = form;
    }
    const res = await fetch(`${t.baseUrl}/api/v1/uploads`, {
      method: 'POST',
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  const upload = (token: string, bytes: Buffer | string, name = 'photo.jpg', type = 'image/jpeg') =>
    send([{ bytes, name, type }], { token });

  /** The request is refused with `status` and `code`, and leaves no file and no row. */
  async function expectRefused(
    request: () => Promise<Answer>,
    status: number,
    code: string,
  ): Promise<Answer> {
    const before = { files: await files(), rows: await rows() };
    const res = await request();
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect({ files: await files(), rows: await rows() }).toEqual(before);
    return res;
  }

  const get = (id: string, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/api/v1/uploads/${id}`, { headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bravo-uploads-'));
    t = await startTestApp({ env: { UPLOADS_DIR: dir } });
    org = await orgFixture(t, {
      people: { ana: {}, ben: { role: 'manager' }, flood: {}, cookie: {} },
    });
    other = await orgFixture(t, { people: { zoe: { role: 'admin' } } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('POST /api/v1/uploads', () => {
    it('stores a JPEG re-encoded: turned upright, and without EXIF, GPS or XMP', async () => {
      const input = await jpegWithGps();
      const before = await sharp(input).metadata();
      // The fixture really carries what must go.
      expect(before.orientation).toBe(6);
      expect(before.exif?.includes('back-door-of-the-harbour-store')).toBe(true);
      expect(hasGpsDirectory(before.exif!)).toBe(true);

      const res = await upload(org.people.ana.token, input, 'IMG_0001.JPG');
      expect(res.status).toBe(201);
      const dto = res.body as UploadDto;
      // Orientation 6 applied: the 600×400 photo is stored 400×600.
      expect(dto).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        contentType: 'image/jpeg',
        width: 400,
        height: 600,
        byteSize: expect.any(Number),
      });

      expect(await files()).toContain(dto.id);
      const stored = await readFile(join(dir, dto.id));
      expect(stored.length).toBe(dto.byteSize);
      const after = await sharp(stored).metadata();
      expect(after).toMatchObject({ format: 'jpeg', width: 400, height: 600 });
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      expect(stored.includes('back-door-of-the-harbour-store')).toBe(false);

      const [row] = await t.db.query(`SELECT * FROM uploads WHERE id = $1`, [dto.id]);
      expect(row).toMatchObject({
        organization_id: org.admin.member.organization.id,
        uploader_id: org.people.ana.member.id,
        purpose: 'mission_evidence',
        content_type: 'image/jpeg',
        byte_size: dto.byteSize,
        width: 400,
        height: 600,
      });
    });

    it('accepts PNG and WebP (stored as WebP) and caps the longest side at 2048 px', async () => {
      const png = await photo(300, 200).png().toBuffer();
      const webp = await photo(200, 300).webp().toBuffer();
      const large = await photo(4000, 1000).jpeg().toBuffer();
      // Names and declared types say nothing: the bytes decide.
      const a = await upload(org.people.ana.token, png, 'a.jpg', 'application/octet-stream');
      const b = await upload(org.people.ana.token, webp, 'b.png', 'image/png');
      const c = await upload(org.people.ana.token, large, 'c', 'text/plain');
      expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
      expect(a.body).toMatchObject({ contentType: 'image/webp', width: 300, height: 200 });
      expect(b.body).toMatchObject({ contentType: 'image/webp', width: 200, height: 300 });
      expect(c.body).toMatchObject({ contentType: 'image/jpeg', width: 2048, height: 512 });
      const stored = await sharp(await readFile(join(dir, a.body.id))).metadata();
      expect(stored).toMatchObject({ format: 'webp', width: 300, height: 200 });
    });

    it('refuses what is not a JPEG, PNG or WebP image: 415', async () => {
      const token = org.people.ana.token;
      const gif = await photo(20, 20).gif().toBuffer();
      const cases: [Buffer | string, string, string][] = [
        ['just some words', 'notes.txt', 'text/plain'],
        [
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          'a.svg',
          'image/svg+xml',
        ],
        [gif, 'a.gif', 'image/gif'],
        ['<!doctype html><script>alert(document.cookie)</script>', 'photo.jpg', 'image/jpeg'],
        [Buffer.alloc(0), 'empty.jpg', 'image/jpeg'],
      ];
      for (const [bytes, name, type] of cases) {
        await expectRefused(() => upload(token, bytes, name, type), 415, 'unsupported_media_type');
      }
    });

    it('refuses bytes that claim to be an image but do not decode as one: 422', async () => {
      const token = org.people.ana.token;
      const jpeg = await photo(300, 200).jpeg().toBuffer();
      const png = await photo(300, 200).png().toBuffer();
      const jpegMagicThenHtml = Buffer.concat([
        Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        Buffer.from('<html><script>alert(1)</script></html>'),
      ]);
      // A PNG signature in front of a JPEG: the magic number lies about the rest.
      const pngSignatureThenJpeg = Buffer.concat([png.subarray(0, 8), jpeg]);
      const truncatedJpeg = jpeg.subarray(0, Math.floor(jpeg.length / 2));
      const truncatedPng = png.subarray(0, Math.floor(png.length / 2));
      for (const bytes of [jpegMagicThenHtml, pngSignatureThenJpeg, truncatedJpeg, truncatedPng]) {
        await expectRefused(() => upload(token, bytes), 422, 'image_unreadable');
      }
    });

    it('refuses a decompression bomb without decoding it', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(1000);
      expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
        width: 20_000,
        height: 20_000,
      });
      const started = Date.now();
      const res = await expectRefused(
        () => upload(org.people.ana.token, bomb, 'tiny.png', 'image/png'),
        422,
        'image_too_many_pixels',
      );
      expect(res.body.params).toEqual({ megapixels: 40 });
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('refuses a file over 5 MB with 413, keeping none of it', async () => {
      const token = org.people.ana.token;
      const header = await photo(16, 16).jpeg().toBuffer();
      const over = Buffer.concat([header, Buffer.alloc(5 * 1024 * 1024 + 1 - header.length)]);
      const res = await expectRefused(() => upload(token, over), 413, 'payload_too_large');
      expect(res.body.params).toEqual({ megabytes: 5 });
      // Far over: the same answer, and the server is not held up reading it all.
      const huge = Buffer.concat([header, Buffer.alloc(40 * 1024 * 1024)]);
      await expectRefused(() => upload(token, huge), 413, 'payload_too_large');
      // Exactly 5 MB is read to the end (and then judged as an image).
      const atLimit = Buffer.concat([header, Buffer.alloc(5 * 1024 * 1024 - header.length)]);
      expect((await upload(token, atLimit)).status).not.toBe(413);
    });

    it('answers 413 at the limit while the client is still sending, and stops reading', async () => {
      const before = { files: await files(), rows: await rows() };
      const boundary = 'bravo-test-boundary';
      const req = request(`${t.baseUrl}/api/v1/uploads`, {
        method: 'POST',
        headers: {
          ...bearer(org.people.ana.token),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      const answered = new Promise<{ status: number; connection?: string; body: string }>(
        (resolve, reject) => {
          req.on('response', (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
            );
          });
          req.on('error', reject);
        },
      );
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      );
      req.write(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]));
      // The body never ends: only an answer at the limit settles this.
      const res = await answered;
      req.destroy();
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).code).toBe('payload_too_large');
      expect(res.connection).toBe('close');
      expect({ files: await files(), rows: await rows() }).toEqual(before);
    });

    it('needs exactly one file, in the field "file": 400 otherwise', async () => {
      const token = org.people.ana.token;
      const jpeg = await photo(50, 50).jpeg().toBuffer();
      const twoFiles = await expectRefused(
        () => send([{ bytes: jpeg }, { bytes: jpeg, name: 'second.jpg' }], { token }),
        400,
        'validation_failed',
      );
      expect(twoFiles.body.details).toEqual([
        { field: 'file', code: 'too_many', params: { max: 1 } },
      ]);
      const otherField = await expectRefused(
        () => send([{ field: 'photo', bytes: jpeg }], { token }),
        400,
        'validation_failed',
      );
      expect(otherField.body.details[0]).toMatchObject({ field: 'photo', code: 'unknown_field' });
      const textField = new FormData();
      textField.append('file', 'not a file at all');
      await expectRefused(() => send(null, { token, body: textField }), 400, 'validation_failed');
      const fileAndField = new FormData();
      fileAndField.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'a.jpg');
      fileAndField.append('caption', 'hello');
      await expectRefused(
        () => send(null, { token, body: fileAndField }),
        400,
        'validation_failed',
      );
      const nothing = await expectRefused(
        () => send(null, { token, body: new FormData() }),
        400,
        'validation_failed',
      );
      expect(nothing.body.details).toEqual([{ field: 'file', code: 'required', params: {} }]);
    });

    it('takes multipart only: JSON here is a 415, and multipart elsewhere is a 415', async () => {
      const token = org.people.ana.token;
      await expectRefused(
        () =>
          send(null, {
            token,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ file: 'aGVsbG8=' }),
          }),
        415,
        'unsupported_media_type',
      );
      const form = new FormData();
      form.append('name', 'Team from a form');
      const teams = await fetch(`${t.baseUrl}/api/v1/teams`, {
        method: 'POST',
        headers: bearer(org.admin.token),
        body: form,
      });
      expect(teams.status).toBe(415);
      expect(((await teams.json()) as { code: string }).code).toBe('unsupported_media_type');
    });

    it('needs a login, and a cookie upload must come from Bravo’s own pages', async () => {
      const jpeg = await photo(50, 50).jpeg().toBuffer();
      await expectRefused(() => send([{ bytes: jpeg }]), 401, 'unauthenticated');
      const cookie = `${SESSION_COOKIE}=${encodeURIComponent(org.people.cookie.token)}`;
      await expectRefused(
        () => send([{ bytes: jpeg }], { headers: { cookie, origin: 'http://evil.example' } }),
        403,
        'cross_site_request',
      );
      const own = await send([{ bytes: jpeg }], { headers: { cookie, origin: t.baseUrl } });
      expect(own.status).toBe(201);
    });

    it('removes the written file when the row cannot be inserted', async () => {
      const jpeg = await photo(50, 50).jpeg().toBuffer();
      await t.db.query(
        `ALTER TABLE uploads ADD CONSTRAINT test_refuse_all CHECK (width < 0) NOT VALID`,
      );
      try {
        await expectRefused(() => upload(org.people.ana.token, jpeg), 500, 'internal_error');
      } finally {
        await t.db.query(`ALTER TABLE uploads DROP CONSTRAINT test_refuse_all`);
      }
      expect((await upload(org.people.ana.token, jpeg)).status).toBe(201);
    });

    it(`limits each member to ${MAX_UPLOADS_PER_MEMBER} attempts in ten minutes`, async () => {
      const token = org.people.flood.token;
      const attempt = () =>
        send(null, { token, headers: { 'content-type': 'application/json' }, body: '{}' });
      for (let i = 0; i < MAX_UPLOADS_PER_MEMBER; i++) {
        expect((await attempt()).status).toBe(415);
      }
      const jpeg = await photo(50, 50).jpeg().toBuffer();
      const refused = await expectRefused(() => upload(token, jpeg), 429, 'too_many_attempts');
      expect(refused.body.params.minutes).toBeGreaterThanOrEqual(1);
      // Another member is not affected.
      expect((await upload(org.people.ana.token, jpeg)).status).toBe(201);
    });
  });

  describe('GET /api/v1/uploads/:id', () => {
    let jpeg: UploadDto;
    let webp: UploadDto;

    beforeAll(async () => {
      jpeg = (await upload(org.people.ana.token, await jpegWithGps())).body;
      webp = (await upload(org.people.ana.token, await photo(30, 20).png().toBuffer())).body;
    });

    it('serves the stored bytes to a member of the organisation, with safe headers', async () => {
      const res = await get(jpeg.id, bearer(org.people.ben.token));
      expect(res.status).toBe(200);
      expect(
        Object.fromEntries(
          [
            'content-type',
            'content-disposition',
            'x-content-type-options',
            'content-security-policy',
            'cache-control',
            'content-length',
          ].map((h) => [h, res.headers.get(h)]),
        ),
      ).toEqual({
        'content-type': 'image/jpeg',
        'content-disposition': `inline; filename="${jpeg.id}.jpg"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, max-age=3600',
        'content-length': String(jpeg.byteSize),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.equals(await readFile(join(dir, jpeg.id)))).toBe(true);

      const second = await get(webp.id, bearer(org.admin.token));
      expect(second.headers.get('content-type')).toBe('image/webp');
      expect(second.headers.get('content-disposition')).toBe(`inline; filename="${webp.id}.webp"`);
    });

    it('works with the session cookie, as an <img> on Bravo’s page sends it', async () => {
      const cookie = `${SESSION_COOKIE}=${encodeURIComponent(org.people.ben.token)}`;
      const res = await get(jpeg.id, { cookie, 'sec-fetch-site': 'same-origin' });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).length).toBe(jpeg.byteSize);
    });

    it('is 404 to another organisation, 401 without a login, 404 for an unknown id', async () => {
      const foreign = await get(jpeg.id, bearer(other.people.zoe.token));
      expect(foreign.status).toBe(404);
      const foreignBody = await foreign.text();
      expect(JSON.parse(foreignBody).code).toBe('not_found');
      expect(foreignBody).not.toContain(jpeg.id);
      const anonymous = await get(jpeg.id);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { code: string }).code).toBe('unauthenticated');
      const unknown = await get(
        '00000000-0000-4000-8000-000000000000',
        bearer(org.people.ben.token),
      );
      expect(unknown.status).toBe(404);
      expect((await get('..%2F..%2Fetc%2Fpasswd', bearer(org.people.ben.token))).status).toBe(400);
      expect((await get('not-a-uuid', bearer(org.people.ben.token))).status).toBe(400);
    });
  });
});
