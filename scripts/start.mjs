// `npm start`: build what is not built, then run Bravo (database, migrations, demo data, web + API).
// The database starts, migrates and seeds while the web builds: on a first start these are the
// slow steps, and they need not wait for each other. Bravo listens once both are done.
import { createRequire } from 'node:module';
import { startBuilds } from './build-if-needed.mjs';

const require = createRequire(import.meta.url);
const builds = startBuilds();
const failed = (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};
await builds['@bravo/api'].catch(failed);
process.chdir(new URL('..', import.meta.url).pathname);
const { main, exitOnStartupError } = require('../api/dist/main.js');
const { StartupError } = require('../api/dist/common/startup-error.js');
const webReady = builds['@bravo/web'].catch((error) => {
  throw new StartupError(error instanceof Error ? error.message : String(error));
});
main({ webReady }).catch(exitOnStartupError);
