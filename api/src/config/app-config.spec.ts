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
