import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io across instances: every broadcast goes through a Redis stream, so an
 * event committed on instance A reaches a screen connected to instance B, and
 * connection-state recovery works across instances.
 */
export class RedisIoAdapter extends IoAdapter {
  private client?: ReturnType<typeof createClient>;
  private adapter?: ReturnType<typeof createAdapter>;

  constructor(
    app: INestApplicationContext,
    private readonly url: string,
    private readonly streamName: string,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    this.client = createClient({ url: this.url });
    this.client.on('error', () => undefined); // reconnects by itself; errors surface on use
    await this.client.connect();
    this.adapter = createAdapter(this.client, { streamName: this.streamName });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapter) {
      server.adapter(this.adapter);
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.client?.quit().catch(() => undefined);
  }
}
