/**
 * Large YAML templates are parsed on a worker thread: a cheap request to the same replica is answered while
 * a multi-megabyte template is still being parsed, and the answers (findings with lines, parse errors with
 * line and column) are those of the inline parse.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';
import { TEMPLATE_PARSE_CHANNEL } from '../../src/cfn/template-parser.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let dev: TestUser;
let base: string;
/** The order in which the server finished handling requests (onSend: the reply is ready to go out). */
const served: string[] = [];

beforeAll(async () => {
  t = await createTestApp({
    beforeReady: (app) => {
      app.addHook('onSend', async (request) => {
        served.push(request.url);
      });
    },
  });
  dev = await t.createUser({ roles: ['developer'], teams: ['payments'] });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
}, 30_000);
afterAll(() => t.close());

/** About 3.5 MB of YAML with short-form tags: 300 buckets with many tags each. */
function largeYaml(): string {
  const lines = ['Parameters:', '  Env: {Type: String}', 'Resources:'];
  const note = 'lorem ipsum dolor sit amet '.repeat(6);
  for (let r = 0; r < 300; r += 1) {
    lines.push(`  Bucket${r}:`, '    Type: AWS::S3::Bucket', '    Properties:');
    lines.push(`      BucketName: !Sub "bucket-\${Env}-${r}"`, '      Tags:');
    for (let k = 0; k < 60; k += 1) {
      lines.push(`        - Key: tag-${k}-of-bucket-${r}`, `          Value: !Sub "\${Env} ${note}${k}"`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function post(template: string): Promise<Response> {
  return fetch(`${base}/v1/guardrails/evaluate`, {
    method: 'POST',
    headers: { ...dev.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ template, team: 'checkout', environment: 'prod' }),
  });
}

describe('POST /v1/guardrails/evaluate with a large YAML template', () => {
  it('answers GET /healthz while the large template is being parsed, then evaluates it as inline', async () => {
    const text = largeYaml();
    expect(text.length).toBeGreaterThan(3_000_000);
    served.length = 0;
    // Once the server starts parsing the large text, ask for /healthz: it must be served first.
    let health: Promise<Response> | undefined;
    const onParse = (message: unknown) => {
      if ((message as { length: number }).length === text.length) health ??= fetch(`${base}/healthz`);
    };
    subscribe(TEMPLATE_PARSE_CHANNEL, onParse);
    interface Located {
      path?: string;
      line?: number;
      column?: number;
    }
    let result: { status: number; body: { summary: { resources: number }; findings: Located[] } };
    try {
      const res = await post(text);
      result = { status: res.status, body: (await res.json()) as typeof result.body };
    } finally {
      unsubscribe(TEMPLATE_PARSE_CHANNEL, onParse);
    }
    expect(health).toBeDefined();
    expect((await health)?.status).toBe(200);
    expect(served).toEqual(['/healthz', '/v1/guardrails/evaluate']);

    expect(result.status).toBe(200);
    expect(result.body.summary.resources).toBe(300);
    const inline = parseTemplateSource(text);
    const located = result.body.findings.filter((f) => f.path);
    expect(located.length).toBeGreaterThan(0);
    for (const f of located) {
      const at = inline.locate(f.path as string);
      expect({ path: f.path, line: f.line, column: f.column }).toEqual({
        path: f.path,
        line: at?.line,
        column: at?.column,
      });
    }
  }, 60_000);

  it('reports the line and column of a syntax error deep in a large template', async () => {
    const text = `${largeYaml()}  Broken:\n    Type: [unclosed\n`;
    const lineCount = text.split('\n').length;
    const res = await post(text);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { line?: number };
    let inline: { line?: number; column?: number; message?: string } = {};
    try {
      parseTemplateSource(text);
    } catch (error) {
      inline = error as typeof inline;
    }
    expect(body).toMatchObject({
      type: 'https://infra-copilot.dev/problems/template-parse-error',
      detail: inline.message,
      line: inline.line,
      column: inline.column,
    });
    expect(body.line).toBeGreaterThan(lineCount - 5);
  }, 60_000);
});
