/**
 * A body over the limit gets a readable 413 (and an unauthenticated one a readable 401), even from a client
 * that writes its whole body before it reads the answer: the connection is not reset under it (issue 13,
 * item 7).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let dev: TestUser;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  port = Number(new URL(await t.app.listen({ host: '127.0.0.1', port: 0 })).port);
});
afterAll(() => t.close());

interface RawAnswer {
  status: number;
  body: string;
  error?: string;
}

/** Writes the request line, headers and the whole body (waiting for drain), and only then reads. */
function sendWholeBodyThenRead(
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  chunked: boolean,
) {
  return new Promise<RawAnswer>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = false;
    const finish = (error?: string) => {
      const [head = '', ...rest] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      let text = rest.join('\r\n\r\n');
      if (/transfer-encoding: chunked/i.test(head)) text = text.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, '');
      resolve({ status, body: text, ...(error ? { error } : {}) });
      socket.destroy();
    };
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    socket.on('end', () => finish());
    socket.on('data', (chunk) => {
      if (!sent) return; // read nothing before the whole body went out
      received += chunk.toString('utf8');
      if (/\r\n\r\n/.test(received) && /content-length: (\d+)/i.test(received)) {
        const length = Number(/content-length: (\d+)/i.exec(received)?.[1]);
        if (Buffer.byteLength(received.split('\r\n\r\n').slice(1).join('\r\n\r\n')) >= length) finish();
      }
    });
    socket.pause();
    socket.on('connect', async () => {
      const lines = [`POST ${path} HTTP/1.1`, 'host: 127.0.0.1', 'content-type: application/json'];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      lines.push(chunked ? 'transfer-encoding: chunked' : `content-length: ${body.length}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      for (let at = 0; at < body.length; at += 64 * 1024) {
        const part = body.subarray(at, at + 64 * 1024);
        const data = chunked
          ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')])
          : part;
        if (!socket.write(data)) await new Promise((r) => socket.once('drain', r));
        if (socket.destroyed) return;
      }
      if (chunked) socket.write('0\r\n\r\n');
      sent = true;
      socket.resume();
    });
  });
}

const sevenMegabytes = Buffer.alloc(7 * 1024 * 1024, 'a');

describe('bodies over the limit', () => {
  for (const chunked of [false, true]) {
    it(`answer 413 payload-too-large to a client that sends all ${chunked ? 'chunks' : 'bytes'} first`, async () => {
      const answer = await sendWholeBodyThenRead(
        '/v1/guardrails/evaluate',
        dev.headers,
        sevenMegabytes,
        chunked,
      );
      expect(answer.error).toBeUndefined();
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({
        type: 'https://infra-copilot.dev/problems/payload-too-large',
        status: 413,
      });
    });
  }

  it('answers 401 to an unauthenticated client that sends all of a large body first', async () => {
    const answer = await sendWholeBodyThenRead('/v1/conversations', {}, sevenMegabytes, false);
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).type).toBe('https://infra-copilot.dev/problems/unauthorized');
  });

  it('keeps serving on the same replica afterwards', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/me', headers: dev.headers });
    expect(res.statusCode).toBe(200);
  });
});
