import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { COMPRESSION_THRESHOLD, compressWeb } from './compression';
import type { NodeHandler } from './web-handler';

describe('compressWeb', () => {
  let server: Server;
  let url: string;
  let handler: NodeHandler;

  beforeAll(async () => {
    server = createServer((req, res) => compressWeb(handler)(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const fetchRaw = (acceptEncoding: string) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      get(url, { headers: { 'accept-encoding': acceptEncoding } }, resolve).on('error', reject);
    });

  it.each([
    ['br', createBrotliDecompress],
    ['gzip', createGunzip],
  ])(
    'sends each written part of a streamed page (%s) before the page ends',
    async (encoding, decompress) => {
      const firstPart = `<p>${'first '.repeat(COMPRESSION_THRESHOLD)}</p>`;
      let finish: () => void = () => {};
      const allowedToFinish = new Promise<void>((resolve) => (finish = resolve));
      handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.write(firstPart);
        // The rest comes only once the client has read the first part: without a flush it never would.
        void allowedToFinish.then(() => res.end('<p>last</p>'));
      };

      const response = await fetchRaw(`${encoding}, identity`);
      expect(response.headers['content-encoding']).toBe(encoding);
      const text = await new Promise<string>((resolve, reject) => {
        let body = '';
        const decoded = response.pipe(decompress());
        decoded.setEncoding('utf8');
        decoded.on('data', (chunk: string) => {
          body += chunk;
          if (body === firstPart) {
            finish();
          }
        });
        decoded.on('end', () => resolve(body));
        decoded.on('error', reject);
      });
      expect(text).toBe(`${firstPart}<p>last</p>`);
    },
  );

  it('leaves an answer below the threshold as it is', async () => {
    // As SvelteKit sends json() and text(): headers (with the length) first, then the body.
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '12' });
      res.end('{"ok":true}\n');
    };
    const response = await fetchRaw('br, gzip');
    expect(response.headers['content-encoding']).toBeUndefined();
    response.resume();
  });
});
