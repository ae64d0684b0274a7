import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import Fastify, { type FastifyInstance } from 'fastify';
import { BodyLimit } from '../common/body-limit';
import { registerJsonBody } from './json-body';
import { JSON_BODY_LIMITS } from './json-body-limits';

describe('registerJsonBody (on a real Fastify instance)', () => {
  let app: FastifyInstance;
  const raised = JSON_BODY_LIMITS.bytes * 4;

  beforeAll(async () => {
    app = Fastify();
    registerJsonBody(app);
    app.post('/echo', (request) => ({ got: request.body }));
    app.post('/import', { config: { bodyLimit: raised } }, () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (url: string, payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
  const padded = (bytes: number) => `{"p":"${'x'.repeat(bytes - 8)}"}`;

  it('parses JSON', async () => {
    const res = await post('/echo', '{"a":[1,{"b":null}]}');
    expect(res.json()).toEqual({ got: { a: [1, { b: null }] } });
  });

  it.each([
    ['a form', 'a=1', 'application/x-www-form-urlencoded'],
    ['plain text', '{"a":1}', 'text/plain'],
    ['no content type at all', '{"a":1}', ''],
  ])('refuses %s with 415', async (_label, payload, contentType) => {
    expect((await post('/echo', payload, contentType)).statusCode).toBe(415);
  });

  it('keeps refusing __proto__ and constructor poisoning', async () => {
    expect((await post('/echo', '{"__proto__":{"x":1}}')).statusCode).toBe(400);
    expect((await post('/echo', '{"constructor":{"prototype":{"x":1}}}')).statusCode).toBe(400);
  });

  it('lets a route raise the size limit through its config', async () => {
    expect(padded(raised).length).toBe(raised);
    expect((await post('/echo', padded(JSON_BODY_LIMITS.bytes))).statusCode).toBe(200);
    expect((await post('/echo', padded(JSON_BODY_LIMITS.bytes + 1))).statusCode).toBe(413);
    expect((await post('/import', padded(raised))).statusCode).toBe(200);
    expect((await post('/import', padded(raised + 1))).statusCode).toBe(413);
  });

  it('@BodyLimit puts the limit where the Fastify adapter reads route config', () => {
    class Controller {
      @BodyLimit(raised)
      upload(this: void): void {}
    }
    const config: unknown = Reflect.getMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      Controller.prototype.upload,
    );
    expect(config).toEqual({ bodyLimit: raised });
  });
});
