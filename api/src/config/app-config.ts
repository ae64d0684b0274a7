import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { isWebOrigin, originList } from '@bravo/shared';
import { z } from 'zod';
import { StartupError } from '../common/startup-error';
import type { DatabaseTimeouts } from '../database/data-source-options';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);
// PostgreSQL's timeout settings are int4 milliseconds.
const milliseconds = z.coerce.number().int().min(100).max(2_147_483_647);

/** `https://a.example http://b.example:8080` → the list; each must be a bare http(s) origin. */
const originListSetting = z
  .string()
  .transform(originList)
  .refine((origins) => origins.every(isWebOrigin), {
    message: 'must be space-separated origins such as https://signage.example.com',
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * Origin of the links Bravo hands out (invitations, TV screens). Unset: the
   * address the admin is using, or this machine's LAN address (public-origin.ts).
   */
  PUBLIC_URL: z.url({ message: 'must be a URL such as https://bravo.example.com' }).optional(),
  /** When set, use this PostgreSQL server and start no embedded one. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Where the embedded PostgreSQL keeps its files. */
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_PG_PORT: port.default(5433),
  /** Where uploaded images are kept (outside the web root); default `<DATA_DIR>/uploads`. */
  UPLOADS_DIR: z.string().min(1).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Waiting for a database connection (free in the pool, or new) before answering 503. */
  DB_CONNECT_TIMEOUT_MS: milliseconds.default(3000),
  /** PostgreSQL cancels a longer statement; a frozen server is given up a second later. */
  DB_STATEMENT_TIMEOUT_MS: milliseconds.default(10_000),
  /** PostgreSQL ends a session idle inside a transaction this long, freeing its locks. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: milliseconds.default(15_000),
  SEED_DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the SvelteKit adapter-node build (relative to the working directory). */
  WEB_BUILD_DIR: z.string().default('web/build'),
  /** Which proxies may name the client in X-Forwarded-*: see parseTrustProxy. */
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed === null) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be true, false, a hop count or a comma-separated list of addresses/CIDRs',
        });
        return z.NEVER;
      }
      return parsed;
    })
    .default(false as TrustProxy),
  /** With it, socket.io broadcasts go through Redis so several instances serve one set of screens. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_STREAM_NAME: z.string().min(1).default('bravo:socket.io'),
  /**
   * Proves a call comes from Bravo's web server, which then names the browser's
   * address. Random at each start when unset (web and API share one process);
   * set the same value on both when they run apart (`npm run dev`).
   */
  WEB_API_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Origins allowed to show Bravo in a frame (TV signage players); none by default. */
  FRAME_ANCESTORS: originListSetting.default([]),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Password-reset e-mails asked for per address (and, ×6, per client) in the login window. */
  PASSWORD_RESET_MAX_REQUESTS: z.coerce.number().int().min(1).default(5),
  /** Public praise page: stories one client address may send per window (the 11th is refused). */
  PRAISE_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  /** …and one team may receive per window, from every address together. */
  PRAISE_MAX_PER_TEAM: z.coerce.number().int().min(1).default(100),
  PRAISE_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** Days a customer's contact details (given with consent) are kept before they are deleted. */
  PRAISE_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** With it, Bravo sends e-mail (invitations, password resets, kudos) through this server. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of Bravo's e-mails. */
  MAIL_FROM: z.string().min(3).default('Bravo <no-reply@localhost>'),
  /** How often the outbox is looked at for due mail (new mail is sent at once). */
  MAIL_POLL_MS: z.coerce.number().int().min(10).default(5000),
  /** The first retry after a failed send; each next one waits twice as long (at most an hour). */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
});

export type AppConfig = z.infer<typeof schema> & {
  /** PUBLIC_URL or http://localhost:PORT, without a trailing slash (own-origin checks). */
  publicUrl: string;
  /** WEB_API_SECRET or one drawn for this process. */
  webApiSecret: string;
  /** UPLOADS_DIR or `<DATA_DIR>/uploads`, as an absolute path. */
  uploadsDir: string;
};

/** The database timeouts of the API's pools. */
export function databaseTimeouts(config: AppConfig): DatabaseTimeouts {
  return {
    connectMs: config.DB_CONNECT_TIMEOUT_MS,
    statementMs: config.DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

export class ConfigError extends StartupError {}

/** Reads and validates the environment once; a bad value stops start-up naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  const publicUrl = (cfg.PUBLIC_URL ?? `http://localhost:${cfg.PORT}`).replace(/\/+$/, '');
  const webApiSecret = cfg.WEB_API_SECRET ?? randomBytes(32).toString('base64url');
  const uploadsDir = resolve(cfg.UPLOADS_DIR ?? join(cfg.DATA_DIR, 'uploads'));
  return { ...cfg, publicUrl, webApiSecret, uploadsDir };
}
