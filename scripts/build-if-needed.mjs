// Builds each workspace whose output is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

const TARGETS = [
  { workspace: '@bravo/shared', sources: ['shared/src'], output: 'shared/dist/cjs/index.js' },
  { workspace: '@bravo/api', sources: ['api/src', 'shared/src'], output: 'api/dist/main.js' },
  {
    workspace: '@bravo/web',
    sources: ['web/src', 'web/static', 'shared/src'],
    output: 'web/build/handler.js',
  },
];

function newestMtime(path) {
  if (!existsSync(path)) {
    return 0;
  }
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry !== 'node_modules' && !entry.startsWith('.')) {
      newest = Math.max(newest, newestMtime(join(path, entry)));
    }
  }
  return newest;
}

export function buildIfNeeded(workspaces = TARGETS.map((t) => t.workspace)) {
  for (const target of TARGETS.filter((t) => workspaces.includes(t.workspace))) {
    const output = join(root, target.output);
    const stale =
      !existsSync(output) ||
      target.sources.some((s) => newestMtime(join(root, s)) > statSync(output).mtimeMs);
    if (!stale) {
      continue;
    }
    console.log(`\n  building ${target.workspace}…`);
    const result = spawnSync('npm', ['run', 'build', '-w', target.workspace], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      console.error(`\n  building ${target.workspace} failed (exit ${result.status}).`);
      process.exit(result.status ?? 1);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildIfNeeded(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
}
