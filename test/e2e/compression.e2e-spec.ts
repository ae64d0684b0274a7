import { buildWebIfNeeded, startAppProcess, type AppProcess } from '../support/app-process';
import { createTestDatabase } from '../support/test-database';

/**
 * Pages and API answers go out compressed above a small size, on the one port
 * `npm start` serves both on; socket.io's own traffic still works beside them.
 */
describe('compressed answers', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess | undefined;

  beforeAll(async () => {
    buildWebIfNeeded();
    database = await createTestDatabase();
    app = await startAppProcess({ DATABASE_URL: database.url, SEED_DEMO: 'false' });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  /** fetch decodes the body; the headers still say how it travelled. */
  const get = (path: string, acceptEncoding = 'br, gzip') =>
    fetch(`${app!.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } });

  it('sends a page in brotli, or gzip to a client without it', async () => {
    const brotli = await get('/login');
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await brotli.text()).toContain('<form');

    const gzip = await get('/login', 'gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toContain('<form');
  });

  it('sends a page as it is to a client that accepts no encoding', async () => {
    const plain = await get('/login', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('<form');
  });

  it('sends a large API answer compressed and a tiny one as it is', async () => {
    const large = await get('/api/openapi.json');
    expect(large.status).toBe(200);
    expect(large.headers.get('content-encoding')).toBe('br');
    expect((await large.json()) as unknown).toHaveProperty('paths');

    const tiny = await get('/api/health');
    expect(tiny.status).toBe(200);
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.json()).toEqual(expect.objectContaining({ status: 'ok' }));
  });

  it('serves the immutable scripts precompressed, cached for a year', async () => {
    const html = await (await get('/login')).text();
    const script = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
  });

  it('leaves socket.io polling to socket.io', async () => {
    const handshake = await get('/socket.io/?EIO=4&transport=polling');
    expect(handshake.status).toBe(200);
    // Engine.IO's open packet: "0" and the session as JSON.
    expect(await handshake.text()).toMatch(/^0\{"sid":/);
  });
});
