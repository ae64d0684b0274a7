// `npm start`: build what is not built, then run Bravo (database, migrations, demo data, web + API).
import { createRequire } from 'node:module';
import { buildIfNeeded } from './build-if-needed.mjs';

await buildIfNeeded();
process.chdir(new URL('..', import.meta.url).pathname);
createRequire(import.meta.url)('../api/dist/main.js');
