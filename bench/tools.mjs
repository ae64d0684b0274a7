// Lighthouse and chrome-launcher are in bench/package.json, not the project's dependencies:
// only the web section needs them, and every `npm install` would carry ~125 packages more.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCH = import.meta.dirname;

/** Installs the bench's own tools on first use (bench/package-lock.json pins them). */
export function ensureBenchTools() {
  if (!existsSync(join(BENCH, 'node_modules', 'lighthouse'))) {
    console.error('installing the bench tools (Lighthouse) into bench/node_modules…');
    // npm's output goes to stderr: stdout is the bench's JSON.
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: BENCH, stdio: ['ignore', 2, 2] });
  }
}
