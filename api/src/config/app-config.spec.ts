import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults on an empty environment', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.SEED_DEMO).toBe(true);
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.publicUrl).toBe('http://localhost:3000');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must start with postgres/,
    );
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('treats empty strings as unset and parses flags', () => {
    const cfg = loadConfig({
      PORT: '',
      SEED_DEMO: 'false',
      PUBLIC_URL: 'https://bravo.example.com/',
    });
    expect(cfg.PORT).toBe(3000);
    expect(cfg.SEED_DEMO).toBe(false);
    expect(cfg.publicUrl).toBe('https://bravo.example.com');
  });

  it('keeps uploads under the data folder unless UPLOADS_DIR says otherwise', () => {
    expect(loadConfig({}).uploadsDir).toBe(resolve('data', 'uploads'));
    expect(loadConfig({ DATA_DIR: '/srv/bravo' }).uploadsDir).toBe('/srv/bravo/uploads');
    expect(loadConfig({ DATA_DIR: '/srv/bravo', UPLOADS_DIR: '/mnt/photos' }).uploadsDir).toBe(
      '/mnt/photos',
    );
  });

  it('bounds every wait on the database, in milliseconds', () => {
    const cfg = loadConfig({});
    expect([
      cfg.DB_CONNECT_TIMEOUT_MS,
      cfg.DB_STATEMENT_TIMEOUT_MS,
      cfg.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    ]).toEqual([3000, 10_000, 15_000]);
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '2500' }).DB_STATEMENT_TIMEOUT_MS).toBe(2500);
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '10s' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
  });
});

describe('security settings', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['true', 1],
    ['1', 1],
    ['3', 3],
    ['10.0.0.0/8, 192.168.1.7', ['10.0.0.0/8', '192.168.1.7']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('TRUST_PROXY=%s → %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(
      expected,
    );
  });

  it.each(['maybe', '10.0.0.0/33', '10.0.0.1, evil.example', ','])(
    'refuses TRUST_PROXY=%s',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be true, false/);
    },
  );

  it('reads FRAME_ANCESTORS as origins and refuses anything else', () => {
    expect(loadConfig({}).FRAME_ANCESTORS).toEqual([]);
    expect(
      loadConfig({ FRAME_ANCESTORS: ' https://tv.example.com  http://signage.local:8080 ' })
        .FRAME_ANCESTORS,
    ).toEqual(['https://tv.example.com', 'http://signage.local:8080']);
    for (const bad of ['tv.example.com', 'https://tv.example.com/player', "'self'", 'ftp://x.y']) {
      expect(() => loadConfig({ FRAME_ANCESTORS: bad })).toThrow(/FRAME_ANCESTORS: must be/);
    }
  });

  it('draws a web secret per process unless WEB_API_SECRET gives one, which must be long', () => {
    const a = loadConfig({}).webApiSecret;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).webApiSecret).not.toBe(a);
    const given = 's'.repeat(40);
    expect(loadConfig({ WEB_API_SECRET: given }).webApiSecret).toBe(given);
    expect(() => loadConfig({ WEB_API_SECRET: 'short' })).toThrow(/WEB_API_SECRET/);
  });
});
