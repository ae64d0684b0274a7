// `npm run build -w @bravo/shared`: src -> dist/esm and dist/cjs, JavaScript and declarations.
//
// File by file with TypeScript's transpiler, declarations included (isolatedDeclarations lets
// each file's be written alone): well under a second, where two type-checked compiles took
// about 4 s at the head of every first start, before the API and the web could begin.
// Types are checked by `npm run typecheck`, the editor and CI.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const shared = join(import.meta.dirname, '..');
const src = join(shared, 'src');
const targets = [
  { dir: 'esm', module: ts.ModuleKind.ES2022, type: 'module' },
  { dir: 'cjs', module: ts.ModuleKind.CommonJS, type: 'commonjs' },
];

const base = ts.getParsedCommandLineOfConfigFile(
  join(shared, 'tsconfig.esm.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
).options;

function fail(file, diagnostics) {
  console.error(
    ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => shared,
      getNewLine: () => '\n',
    }) || `${file}: could not be compiled`,
  );
  process.exit(1);
}

const sources = readdirSync(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
for (const { dir, module, type } of targets) {
  const out = join(shared, 'dist', dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const options = { ...base, module, outDir: out };
  // transpileModule writes no declarations and rejects the option; transpileDeclaration needs it.
  const jsOptions = { ...options, declaration: false, isolatedDeclarations: false };
  for (const name of sources) {
    const file = join(src, name);
    const text = readFileSync(file, 'utf8');
    const js = ts.transpileModule(text, {
      compilerOptions: jsOptions,
      fileName: file,
      reportDiagnostics: true,
    });
    const dts = ts.transpileDeclaration(text, {
      compilerOptions: options,
      fileName: file,
      reportDiagnostics: true,
    });
    const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    if (problems.length > 0) {
      fail(file, problems);
    }
    const stem = name.replace(/\.ts$/, '');
    writeFileSync(join(out, `${stem}.js`), js.outputText);
    if (js.sourceMapText) {
      const map = JSON.parse(js.sourceMapText);
      map.sources = [`../../src/${name}`];
      writeFileSync(join(out, `${stem}.js.map`), JSON.stringify(map));
    }
    writeFileSync(join(out, `${stem}.d.ts`), dts.outputText);
  }
  // The package is ESM by default; each build says how Node should load it.
  writeFileSync(join(out, 'package.json'), `{ "type": "${type}" }\n`);
}
