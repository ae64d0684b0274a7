import 'reflect-metadata';
import { StartupError } from './common/startup-error';
import { startServer } from './server/start-server';

async function main(): Promise<void> {
  const server = await startServer();
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

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
