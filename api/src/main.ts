import 'reflect-metadata';
import { StartupError } from './common/startup-error';
import { startServer, type StartOptions } from './server/start-server';

/** Runs Bravo until SIGINT or SIGTERM. */
export async function main(options: StartOptions = {}): Promise<void> {
  const server = await startServer(process.env, options);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    process.stdout.write(`\n  ${signal}: stopping Bravo…\n`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Says why Bravo could not start, without a stack trace when the reason is known. */
export function exitOnStartupError(error: unknown): never {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}

// `node dist/main.js`; `npm start` (scripts/start.mjs) calls main itself.
if (require.main === module) {
  main().catch(exitOnStartupError);
}
