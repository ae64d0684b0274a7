// Builds each workspace whose output is missing or older than its sources.
// Quietly: the compilers' output goes to build.log, the terminal gets one line.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const BUILD_LOG = join(root, 'build.log');

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

function isStale(target) {
  const output = join(root, target.output);
  return (
    !existsSync(output) ||
    target.sources.some((s) => newestMtime(join(root, s)) > statSync(output).mtimeMs)
  );
}

/** Runs one workspace's build; its output is appended to build.log in one piece. */
function build(workspace) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '-w', workspace], { cwd: root });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString();
      appendFileSync(BUILD_LOG, `\n===== ${workspace} (exit ${code})\n${output}`);
      resolve({ workspace, code, output });
    });
  });
}

/** A build's failure: the last lines of its output and where the rest is. */
function failure({ workspace, code, output }) {
  const tail = output.trimEnd().split('\n').slice(-40).join('\n');
  return new Error(
    `\n  building ${workspace} failed (exit ${code}):\n\n${tail}\n\n  full log: ${BUILD_LOG}`,
  );
}

/**
 * Starts building what is stale among `workspaces`: shared first (the others import it), then
 * the API and the web side by side. Answers one promise per workspace, settled when that one
 * is built (at once when it was fresh), so a caller can start with the API while the web builds.
 */
export function startBuilds(workspaces = TARGETS.map((t) => t.workspace)) {
  const stale = TARGETS.filter((t) => workspaces.includes(t.workspace) && isStale(t));
  const names = stale.map((t) => t.workspace);
  const started = Date.now();
  const run = async (workspace) => {
    const result = await build(workspace);
    if (result.code !== 0) {
      throw failure(result);
    }
  };
  const shared = names.includes('@bravo/shared') ? run('@bravo/shared') : Promise.resolve();
  const builds = Object.fromEntries(
    workspaces.map((workspace) => [
      workspace,
      workspace === '@bravo/shared'
        ? shared
        : shared.then(() => (names.includes(workspace) ? run(workspace) : undefined)),
    ]),
  );
  if (names.length > 0) {
    writeFileSync(BUILD_LOG, `build of ${names.join(', ')} at ${new Date().toISOString()}\n`);
    process.stdout.write(`\n  building ${names.join(', ')}… (output in build.log)\n`);
    Promise.all(Object.values(builds)).then(
      () => process.stdout.write(`  built in ${Math.round((Date.now() - started) / 1000)} s\n`),
      () => {},
    );
  }
  return builds;
}

/** Builds what is stale among `workspaces`; on a failure, says why and exits. */
export async function buildIfNeeded(workspaces) {
  try {
    await Promise.all(Object.values(startBuilds(workspaces)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildIfNeeded(process.argv.slice(2).length ? process.argv.slice(2) : undefined);
}
