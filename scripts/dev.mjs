// `npm run dev`: API with watch on :3001, Vite dev server (hot reload) on :5173 proxying /api and /socket.io.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buildIfNeeded } from './build-if-needed.mjs';

await buildIfNeeded(['@bravo/shared', '@bravo/api']);
const apiPort = process.env.API_PORT ?? '3001';
// Two processes here: the web proves its calls to the API (and names the browser) with this.
const webApiSecret = process.env.WEB_API_SECRET || randomBytes(32).toString('base64url');
const children = [
  // The compiler rewrites dist/ on every change (and prints type errors); node restarts on it.
  spawn('node', ['scripts/build.mjs', '--watch'], { cwd: 'api', stdio: 'inherit' }),
  spawn('node', ['--watch-path=dist', 'dist/main.js'], {
    cwd: 'api',
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: apiPort,
      DATA_DIR: process.env.DATA_DIR ?? '../data',
      WEB_BUILD_DIR: '',
      PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173',
      WEB_API_SECRET: webApiSecret,
    },
  }),
  spawn('npx', ['vite', 'dev'], {
    cwd: 'web',
    stdio: 'inherit',
    env: {
      ...process.env,
      API_INTERNAL_URL: `http://127.0.0.1:${apiPort}`,
      WEB_API_SECRET: webApiSecret,
    },
  }),
];
const stop = () => children.forEach((c) => c.kill('SIGINT'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => code && code !== 0 && stop()));
