import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'check-ignored.mjs');

/** `scripts/check-ignored.mjs` (a CI step) on a scratch repository laid out like Bravo's. */
describe('the ignored-source-files check', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'bravo-ignored-'));
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    for (const file of [
      'web/src/routes/data/feed/+server.ts', // source that a loose `data/` rule swallows
      'data/pg/PG_VERSION', // the embedded PostgreSQL folder: meant to be ignored
      'api/dist/main.js',
      'web/build/handler.js',
      'web/node_modules/svelte/index.js',
      'test/e2e/run.log',
    ]) {
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      writeFileSync(join(repo, file), '');
    }
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  const check = () => spawnSync(process.execPath, [SCRIPT], { cwd: repo, encoding: 'utf8' });
  const ignored = (file: string) =>
    spawnSync('git', ['check-ignore', '-q', file], { cwd: repo }).status === 0;

  it("passes with the project's .gitignore, which still ignores the root data folder", () => {
    copyFileSync(join(ROOT, '.gitignore'), join(repo, '.gitignore'));
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(ignored('data/pg/PG_VERSION')).toBe(true);
    expect(ignored('web/src/routes/data/feed/+server.ts')).toBe(false);
  });

  it('fails and names the file when an unanchored rule ignores source', () => {
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\ndist/\nbuild/\ndata/\n*.log\n');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('web/src/routes/data/');
    // Build outputs, installs and logs are not reported.
    expect(result.stderr).not.toMatch(/api\/dist|web\/build|node_modules|run\.log/);
  });

  it('fails on a clean clone when a rule matches a file that is committed', () => {
    // As on CI: the endpoint is committed (forced past the rule), nothing is left untracked.
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\ndist/\nbuild/\ndata/\n*.log\n');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    expect(git('add', '-f', 'web/src/routes/data/feed/+server.ts', '.gitignore').status).toBe(0);
    rmSync(join(repo, 'data'), { recursive: true, force: true });
    expect(git('ls-files', '--others', '--ignored', '--exclude-standard').stdout).not.toContain(
      'web/src',
    );
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('web/src/routes/data/feed/+server.ts');
  });

  it('fails for an output-named folder inside a src tree', () => {
    mkdirSync(join(repo, 'web/src/routes/build'), { recursive: true });
    writeFileSync(join(repo, 'web/src/routes/build/+page.svelte'), '');
    copyFileSync(join(ROOT, '.gitignore'), join(repo, '.gitignore'));
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('web/src/routes/build/');
  });
});
