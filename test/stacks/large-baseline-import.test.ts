/**
 * Baseline import and diff of large YAML text go through the background template parser: the stored
 * template and the parse errors (line, column) are exactly those of the inline parse.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';
import type { TemplateParseError } from '../../src/cfn/template-parse-error.ts';
import { TEMPLATE_PARSE_CHANNEL } from '../../src/cfn/template-parser.ts';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.ts';

let t: TestApp;
let reviewer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await t.createUser({ roles: ['reviewer'] });
});
afterAll(() => t.close());

/** About 600 KiB of YAML with short-form tags: over the 256 KiB inline limit. */
function largeYaml(): string {
  const lines = ['Resources:'];
  for (let r = 0; r < 2000; r += 1) {
    lines.push(`  Queue${r}:`, '    Type: AWS::SQS::Queue', '    Properties:');
    lines.push(`      QueueName: !Sub "\${AWS::StackName}-queue-${r}"`, `      DelaySeconds: ${r % 60}`);
    lines.push(`      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq${r}.Arn, maxReceiveCount: 3}`);
  }
  return `${lines.join('\n')}\n`;
}

function importBaseline(name: string, template: string) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/stacks/${name}/baseline/import`,
    headers: reviewer.headers,
    payload: { template, team: 'bulk', app: name.split('-')[1], environment: 'prod' },
  });
}

describe('large baseline templates', () => {
  it('imports a large YAML baseline exactly as the inline parse reads it', async () => {
    const text = largeYaml();
    expect(text.length).toBeGreaterThan(256 * 1024);
    const starts: unknown[] = [];
    const onParse = (message: unknown) => starts.push(message);
    subscribe(TEMPLATE_PARSE_CHANNEL, onParse);
    const res = await importBaseline('bulk-queues-prod', text).finally(() =>
      unsubscribe(TEMPLATE_PARSE_CHANNEL, onParse),
    );
    expect(starts).toEqual([{ length: text.length, background: true }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().template).toStrictEqual(parseTemplateSource(text).template);
  }, 30_000);

  it('answers a syntax error deep in a large YAML baseline with its line and column', async () => {
    const text = `${largeYaml()}  Broken:\n    Type: [unclosed\n`;
    let inline: Partial<TemplateParseError> = {};
    try {
      parseTemplateSource(text);
    } catch (error) {
      inline = error as TemplateParseError;
    }
    const res = await importBaseline('bulk-broken-prod', text);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      type: 'https://infra-copilot.dev/problems/template-parse-error',
      detail: inline.message,
      line: inline.line,
      column: inline.column,
    });
    expect(inline.line).toBeGreaterThan(12_000);
  }, 30_000);
});
