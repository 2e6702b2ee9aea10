import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchJwks, parseJwksUrl } from '../../../src/model/jwksFetch';

const JWKS = JSON.stringify({ keys: [{ kty: 'oct', kid: 'a', k: 'c2VjcmV0' }] });

describe('features/jwksFetch', () => {
  let server: Server;
  let base: string;
  /** Called when the client closes a /slow request (the server never answers them). */
  let onAbandoned = () => {};

  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/jwks') res.end(JWKS);
      else if (req.url === '/big') res.end('x'.repeat(4096));
      else if (req.url === '/chunked-big') {
        // No content-length: the cap must hold while streaming.
        res.write('x'.repeat(3000));
        res.end('x'.repeat(3000));
      } else if (req.url === '/slow') {
        // Never answers: only the client's own timeout can end this request.
        res.on('close', () => { if (!res.writableEnded) onAbandoned(); });
      }
      else if (req.url === '/redirect') res.writeHead(302, { location: '/jwks' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches a JWKS body', async () => {
    const result = await fetchJwks(new URL(`${base}/jwks`));
    assert.deepEqual(result, { ok: true, json: JWKS });
  });

  it('enforces the size cap from content-length and while streaming', async () => {
    const a = await fetchJwks(new URL(`${base}/big`), { maxBytes: 1024 });
    assert.ok(!a.ok && a.error.code === 'ERR_TOO_LARGE');
    const b = await fetchJwks(new URL(`${base}/chunked-big`), { maxBytes: 4096 });
    assert.ok(!b.ok && b.error.code === 'ERR_TOO_LARGE');
  });

  it('times out: aborts a request the server never answers', async () => {
    // No clock in the assertion: without the timeout this would wait for mocha's own.
    const abandoned = new Promise<void>((resolve) => { onAbandoned = resolve; });
    const result = await fetchJwks(new URL(`${base}/slow`), { timeoutMs: 200 });
    assert.ok(!result.ok && result.error.code === 'ERR_TIMEOUT');
    // The abort reached the server: the connection was closed by the client, not left open.
    await abandoned;
  });

  it('reports HTTP errors and refuses redirects', async () => {
    const missing = await fetchJwks(new URL(`${base}/nope`));
    assert.ok(!missing.ok && missing.error.code === 'ERR_HTTP_STATUS');
    const redirect = await fetchJwks(new URL(`${base}/redirect`));
    assert.ok(!redirect.ok);
  });

  it('accepts only http(s) URLs without credentials', () => {
    assert.ok(parseJwksUrl('https://idp.example.com/.well-known/jwks.json').ok);
    for (const bad of ['file:///etc/passwd', 'not a url', 'https://user:pw@idp.example.com/jwks', 'javascript:alert(1)']) {
      assert.equal(parseJwksUrl(bad).ok, false, bad);
    }
  });
});
