// The first start as a newcomer has it: a fresh clone of the committed code, the README's
// `npm install`, then `npm start` until the banner (build, embedded PostgreSQL, migrations,
// demo data). Packages come from npm's cache when it has them, as on a machine that has
// installed any Node project before; a cold cache adds the download.
import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from './setup.mjs';

const seconds = (ms) => Math.round(ms / 100) / 10;

/** Runs a command in its own process group; resolves with its output once `done(output)` holds. */
function run(command, args, { cwd, env, until, timeoutMs }) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${command} ${args.join(' ')}: not done in ${timeoutMs / 1000} s:\n${output}`),
        ),
      timeoutMs,
    );
    const onData = (chunk) => {
      output += chunk;
      if (until?.(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (until || code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
      } else {
        resolve(output);
      }
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(-child.pid, 'SIGINT');
      await exited;
    }
  };
  return { ready, stop };
}

export async function firstStart() {
  const dir = await mkdtemp(join(tmpdir(), 'bravo-first-start-'));
  // As root, the embedded PostgreSQL runs as an unprivileged user, who must reach the clone.
  await chmod(dir, 0o755);
  // A newcomer's shell: no database or port settings of this machine's tests, and none of
  // the `npm run bench` around us (its npm_config_* would steer the inner npm's scripts).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/DATABASE_URL|^PORT$|^HOST$|^DATA_DIR$|^npm_/i.test(name),
    ),
  );

  try {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir]);
    const installStarted = performance.now();
    await run('npm', ['install'], { cwd: dir, env, timeoutMs: 600_000 }).ready;
    const installMs = performance.now() - installStarted;

    const port = await freePort();
    const startStarted = performance.now();
    const app = run('npm', ['start'], {
      cwd: dir,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
      until: (output) => output.includes('Press Ctrl-C to stop.'),
      timeoutMs: 300_000,
    });
    let output;
    try {
      output = await app.ready;
    } finally {
      await app.stop();
    }
    const startMs = performance.now() - startStarted;
    // The database and the API start while the web builds (scripts/start.mjs).
    const build = /built in (\d+) s/.exec(output);
    return {
      installSeconds: seconds(installMs),
      startSeconds: seconds(startMs),
      buildSeconds: build ? Number(build[1]) : null,
      totalSeconds: seconds(installMs + startMs),
      packages: 'from the npm cache where present',
      goal: 'total <= 60 s',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
