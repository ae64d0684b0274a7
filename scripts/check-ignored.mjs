// Fails when git ignores a file under a source folder: a clean clone (CI, a new
// machine) would not have it. An unanchored `data/` rule once swallowed the web's
// `src/routes/data/` endpoints this way.
import { spawnSync } from 'node:child_process';

const SOURCE_DIRS = ['api', 'web', 'shared', 'test', 'bench', 'scripts', 'docker'];
// Build outputs and installs are meant to be ignored — but not inside a `src/` tree,
// where a folder named `build/` or `dist/` would be source too.
const OUTPUT_DIR = /(^|\/)(node_modules|dist|build|\.svelte-kit|coverage|test-results)\//;
const LOCAL_FILE = /\.log$|(^|\/)\.env$/;

function isExpected(path) {
  if (path.split('/').includes('node_modules') || LOCAL_FILE.test(path)) {
    return true;
  }
  const output = OUTPUT_DIR.exec(path);
  return output !== null && !path.slice(0, output.index).split('/').includes('src');
}

/** Paths `git ls-files` lists with these flags under the source folders. */
function gitFiles(flags) {
  const listed = spawnSync('git', ['ls-files', '-z', ...flags, '--', ...SOURCE_DIRS], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (listed.status !== 0) {
    console.error(`git ls-files failed: ${listed.stderr || listed.error?.message}`);
    process.exit(2);
  }
  return listed.stdout.split('\0').filter(Boolean);
}

// Untracked files a rule hides (a working tree), and committed files a rule matches: on a
// clean clone (CI) only the second exists, and it catches a rule that would hide the next file.
const lost = [
  ...gitFiles(['--others', '--ignored', '--exclude-standard']),
  ...gitFiles(['--cached', '--ignored', '--exclude-standard']),
].filter((path) => !isExpected(path));
if (lost.length > 0) {
  console.error(
    `git ignores ${lost.length} file(s) under source folders; a clean clone lacks them:`,
  );
  for (const path of lost.slice(0, 50)) {
    console.error(`  ${path}`);
  }
  console.error(
    'Anchor or narrow the .gitignore rule that matches them (`git check-ignore -v <file>`).',
  );
  process.exit(1);
}
console.log(`no ignored files under ${SOURCE_DIRS.join(', ')}`);
