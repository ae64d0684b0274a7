import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { chooseLinkOrigin, lanAddresses } from './public-origin';

/**
 * Links other devices open (invitations, TV screens, QR codes). Pass the
 * `requestOrigin` of the admin asking (`@WebOrigin()`), when there is one.
 */
@Injectable()
export class PublicLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The origin for links: see `chooseLinkOrigin`. */
  linkOrigin(requestOrigin?: string): string {
    return chooseLinkOrigin({
      publicUrl: this.config.PUBLIC_URL,
      requestOrigin,
      // Read each time: a laptop changes networks while Bravo runs.
      lanAddresses: lanAddresses(networkInterfaces()),
      port: this.listeningPort(),
    });
  }

  /** `path` (starting with `/`) on the link origin. */
  url(path: string, requestOrigin?: string): string {
    return `${this.linkOrigin(requestOrigin)}${path}`;
  }

  /** The port actually bound (PORT=0 picks one), else the configured one. */
  private listeningPort(): number {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as
      { address(): AddressInfo | string | null } | undefined;
    const address = server?.address();
    return typeof address === 'object' && address ? address.port : this.config.PORT;
  }
}
