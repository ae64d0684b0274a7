import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..');
export const BUILT_MAIN = join(ROOT, 'api', 'dist', 'main.js');

/** For specs that drive the web pages too: build them when missing or stale. */
export function buildWebIfNeeded(): void {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/build-if-needed.mjs'), '@bravo/web'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) {
    throw new Error(`building the web failed (exit ${build.status})`);
  }
}

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and waits for the process to exit; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the built app (`node api/dist/main.js`) as `npm start` does, on free ports. */
export async function startAppProcess(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<AppProcess> {
  if (!existsSync(BUILT_MAIN)) {
    throw new Error(
      `${BUILT_MAIN} is missing: run \`npm run build\` first (npm test does it in pretest).`,
    );
  }
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [BUILT_MAIN], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the app did not start within 60 s:\n${output}`)),
      60_000,
    );
    const check = () => {
      if (output.includes('Bravo is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} before it started:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode === null) {
        child.kill(signal);
      }
      return exited;
    },
  };
}
