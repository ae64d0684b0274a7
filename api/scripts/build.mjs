// `npm run build -w @bravo/api`: src -> dist.
//
// By default file by file with TypeScript's transpiler (tsconfig has isolatedModules, so each
// file compiles alone): about 3 s, where a type-checked build took 15 s of a first start.
// Types are checked by `npm run typecheck`, the editor and CI.
//
// `--swagger` compiles the whole program with the Nest Swagger plugin, which reads DTO
// property types and doc comments into the OpenAPI document; `npm run api:generate` uses it
// to write api/openapi.json, which the API then serves (CI fails when that file is stale).
// `--watch` rebuilds on change, with type errors shown (npm run dev).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import ts from 'typescript';

const api = join(import.meta.dirname, '..');
const tsconfig = join(api, 'tsconfig.build.json');

function report(diagnostics) {
  if (diagnostics.length > 0) {
    console.error(
      ts.formatDiagnosticsWithColorAndContext(diagnostics, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => api,
        getNewLine: () => '\n',
      }),
    );
  }
}

function readConfig() {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => report([diagnostic]),
    },
  );
  if (!config || config.errors.length > 0) {
    report(config?.errors ?? []);
    process.exit(1);
  }
  return config;
}

function transpile({ fileNames, options }) {
  for (const file of fileNames) {
    const target = join(options.outDir, relative(options.rootDir, file)).replace(/\.ts$/, '.js');
    const { outputText, sourceMapText, diagnostics } = ts.transpileModule(
      readFileSync(file, 'utf8'),
      { compilerOptions: options, fileName: file, reportDiagnostics: true },
    );
    if (diagnostics.length > 0) {
      report(diagnostics);
      process.exit(1);
    }
    const map = JSON.parse(sourceMapText);
    map.sources = [relative(dirname(target), file)];
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(
      target,
      outputText.replace(/(\/\/# sourceMappingURL=).*$/m, `$1${basename(target)}.map`),
    );
    writeFileSync(`${target}.map`, JSON.stringify(map));
  }
}

const swaggerTransformers = async (program) => ({
  before: [
    (await import('@nestjs/swagger/plugin')).before(
      {
        introspectComments: true,
        classValidatorShim: true,
        dtoFileNameSuffix: ['.dto.ts', '.entity.ts', '.response.ts'],
      },
      program,
    ),
  ],
});

async function compileWithSwagger({ fileNames, options }) {
  const program = ts.createProgram({ rootNames: fileNames, options });
  const blocking = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  const result =
    blocking.length > 0
      ? { diagnostics: blocking, emitSkipped: true }
      : program.emit(undefined, undefined, undefined, false, await swaggerTransformers(program));
  report(result.diagnostics);
  if (result.emitSkipped) {
    process.exit(1);
  }
}

function watch() {
  const host = ts.createWatchCompilerHost(
    tsconfig,
    {},
    ts.sys,
    ts.createEmitAndSemanticDiagnosticsBuilderProgram,
    (diagnostic) => report([diagnostic]),
    (diagnostic) => console.log(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  );
  ts.createWatchProgram(host);
}

if (process.argv.includes('--watch')) {
  watch();
} else {
  const started = Date.now();
  const config = readConfig();
  rmSync(config.options.outDir, { recursive: true, force: true });
  const withSwagger = process.argv.includes('--swagger');
  await (withSwagger ? compileWithSwagger : transpile)(config);
  console.log(
    `compiled ${config.fileNames.length} files${withSwagger ? ' with the Swagger plugin' : ''} in ${Date.now() - started} ms`,
  );
}
