// The package is ESM by default; mark the CommonJS build so Node loads it as such.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('./dist/cjs/package.json', import.meta.url), '{ "type": "commonjs" }\n');
writeFileSync(new URL('./dist/esm/package.json', import.meta.url), '{ "type": "module" }\n');
