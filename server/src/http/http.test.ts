import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChain, Client, createTestApp, type TestApp } from '../../test/helpers';
import { buildApp } from '../app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy'];

function expectSecurityHeaders(headers: Record<string, unknown>) {
  for (const h of SECURITY_HEADERS) expect(headers[h], h).toBeDefined();
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe('HTTP conventions', () => {
  it('sends the security headers on every answer, errors included', async () => {
    const { chain, coordinator } = await buildChain(t);
    const answers = [
      await Client.anonymous(t.app).get('/health'),
      await Client.anonymous(t.app).get('/chains'),
      await coordinator.get('/nowhere'),
      await coordinator.patch(`/chains/${chain.id}`, { bogus: 1 }, 1),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: 'x'.repeat(2 * 1024 * 1024),
        headers: { 'content-type': 'application/json' },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400, 413]);
    for (const a of answers) expectSecurityHeaders(a.headers);
  });

  it('marks authenticated answers no-store', async () => {
    const { chain, coordinator } = await buildChain(t);
    const res = await coordinator.get(`/chains/${chain.id}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers problem+json for bad JSON, wrong content type, too large bodies and unknown routes', async () => {
    const { chain, coordinator } = await buildChain(t);
    const url = `/api/v1/chains/${chain.id}`;
    const headers = {
      cookie: coordinator.cookie ?? '',
      'x-csrf-token': coordinator.csrfToken ?? '',
      'if-match': '"1"',
    };
    const badJson = await t.app.inject({
      method: 'PATCH',
      url,
      payload: '{"name":',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ status: 400, errors: [{ path: 'body' }] });
    const text = await t.app.inject({
      method: 'PATCH',
      url,
      payload: 'name=x',
      headers: { ...headers, 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    const big = await t.app.inject({
      method: 'PATCH',
      url,
      payload: JSON.stringify({ description: 'é'.repeat(1024 * 1024) }),
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    for (const res of [badJson, text, big]) {
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toEqual(
        expect.objectContaining({
          type: expect.any(String),
          title: expect.any(String),
          detail: expect.any(String),
        }),
      );
    }
    const missing = await coordinator.get('/chains/x/y/z');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().title).toBe('Not Found');
  });

  it('names nested and array fields in validation errors', async () => {
    const { chain, coordinator } = await buildChain(t);
    const res = await coordinator.post(`/chains/${chain.id}/members`, {
      userId: 42,
      role: 'king',
      extra: [],
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['body.extra', 'body.role', 'body.userId']);
  });

  it('reports the database in /health without authentication', async () => {
    const res = await Client.anonymous(t.app).get('/health');
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('publishes a valid OpenAPI document and its browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    await SwaggerParser.validate(structuredClone(doc));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/chains/{chainId}',
        '/api/v1/chains/{chainId}/members',
        '/api/v1/health',
      ]),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('access layer', () => {
  it('refuses to start with a route that does not declare who may call it', async () => {
    const app = await buildApp({ database: t.database });
    app.get('/api/v1/secret', async () => ({ secret: true }));
    await expect(app.ready()).rejects.toThrow(/does not declare who may call it/);
  });

  it('refuses a chain route without a :chainId parameter', async () => {
    const app = await buildApp({ database: t.database });
    app.route({
      method: 'GET',
      url: '/api/v1/things',
      config: { access: { chain: ['coordinator'] } },
      handler: async () => ({}),
    });
    await expect(app.ready()).rejects.toThrow(/no :chainId/);
  });
});
