'use strict';
// Plain JavaScript (typed by free-port.d.ts), shared with the bench.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: Jest and Node's ESM both load it
const { createServer } = require('node:net');

/** A TCP port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

module.exports = { freePort };
