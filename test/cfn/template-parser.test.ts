import { afterAll, describe, expect, it } from 'vitest';
import { parseTemplateSource, type TemplateSource } from '../../src/cfn/parse-template-source.ts';
import { TemplateParseError } from '../../src/cfn/template-parse-error.ts';
import { createTemplateParser } from '../../src/cfn/template-parser.ts';
import { TemplateParserUnavailableError } from '../../src/cfn/template-parser-unavailable-error.ts';
import { locationTable } from '../../src/cfn/template-parse-worker.ts';

// inlineLimit 0: every text goes through the worker, so small texts compare worker and inline parsing.
const worker = createTemplateParser({ inlineLimit: 0, poolSize: 2 });
afterAll(() => worker.close());

const texts: Record<string, string> = {
  shortForms: [
    'Parameters:',
    '  Env: {Type: String}',
    'Resources:',
    '  Site:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    `      BucketName: !Sub "site-\${Env}"`,
    '      Tags:',
    '        - {Key: arn, Value: !GetAtt Queue.Arn}',
    '        - Key: ref',
    '          Value: !Join [":", [!Ref Env, !Select [0, !GetAZs ""]]]',
    '      __proto__: {polluted: true}',
    '      "a/b~c": x',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Properties: &props',
    '      DelaySeconds: 5',
    '  Other:',
    '    Type: AWS::SQS::Queue',
    '    Properties: *props',
    '',
  ].join('\n'),
  json: '{\n  "Resources": {\n    "A": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "t"}}\n  }\n}\n',
};

const broken: Record<string, string> = {
  syntax: 'Resources:\n  A:\n    Type: [unclosed\n',
  unknownTag: 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Nope x\n',
  shape: 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  bad-id:\n    Type: AWS::SNS::Topic\n',
  duplicate: 'Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n',
  empty: '   \n',
  notAMapping: '- just\n- a list\n',
};

function pointersOf(value: unknown): string[] {
  return locationTable(value, () => ({ line: 1, column: 1 })).map(([pointer]) => pointer);
}

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

async function asyncErrorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function expectSameSource(fromWorker: TemplateSource, inline: TemplateSource): void {
  expect(fromWorker.template).toStrictEqual(inline.template);
  expect(Object.getPrototypeOf(fromWorker.template.Resources)).toBe(Object.prototype);
  const pointers = [
    ...pointersOf(inline.template),
    '/Resources/Site/Properties/Missing',
    '/Resources/Nope/Properties/X',
    '/Nothing',
    '',
  ];
  for (const pointer of pointers) {
    expect([pointer, fromWorker.locate(pointer)]).toStrictEqual([pointer, inline.locate(pointer)]);
  }
}

describe('createTemplateParser', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`parses ${name} on a worker exactly as inline, locations included`, async () => {
      expectSameSource(await worker.parse(text), parseTemplateSource(text));
    });
  }

  for (const [name, text] of Object.entries(broken)) {
    it(`rejects ${name} text on a worker with the inline parse error`, async () => {
      const inline = errorOf(() => parseTemplateSource(text)) as TemplateParseError;
      const fromWorker = await asyncErrorOf(() => worker.parse(text));
      expect(inline).toBeInstanceOf(TemplateParseError);
      expect(fromWorker).toBeInstanceOf(TemplateParseError);
      const parts = (e: TemplateParseError) => ({
        message: e.message,
        line: e.line,
        column: e.column,
        pointer: e.pointer,
        extensions: e.extensions,
        status: e.status,
      });
      expect(parts(fromWorker as TemplateParseError)).toStrictEqual(parts(inline));
    });
  }

  it('parses many texts at once on a pool of two, each answer to its own text', async () => {
    const many = Array.from(
      { length: 6 },
      (_, i) =>
        `Resources:\n  Topic${i}:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: !Sub "t-${i}"}\n`,
    );
    const results = await Promise.all(many.map((t) => worker.parse(t)));
    results.forEach((r, i) => {
      expect(r.template).toStrictEqual(parseTemplateSource(many[i] as string).template);
    });
  });

  it('answers a parse taking longer than the timeout with a 503 error, and keeps working', async () => {
    const slow = createTemplateParser({ inlineLimit: 0, poolSize: 1, timeoutMs: 1 });
    try {
      const big = `Resources:\n${Array.from({ length: 20_000 }, (_, i) => `  T${i}:\n    Type: AWS::SNS::Topic\n`).join('')}`;
      const error = await asyncErrorOf(() => slow.parse(big));
      expect(error).toBeInstanceOf(TemplateParserUnavailableError);
      expect(error).toMatchObject({ status: 503, type: 'template-parser-unavailable' });
    } finally {
      await slow.close();
    }
    // The shared pool is unaffected.
    expect((await worker.parse(texts.json as string)).template.Resources.A?.Type).toBe('AWS::SNS::Topic');
  });

  it('fails pending parses with a 503 error once closed, never hanging', async () => {
    const closing = createTemplateParser({ inlineLimit: 0 });
    const pending = asyncErrorOf(() => closing.parse(texts.shortForms as string));
    await closing.close();
    expect(await pending).toBeInstanceOf(TemplateParserUnavailableError);
    expect(await asyncErrorOf(() => closing.parse(texts.json as string))).toBeInstanceOf(
      TemplateParserUnavailableError,
    );
  });

  it('parses small texts inline when under the limit', async () => {
    const closedParser = createTemplateParser();
    await closedParser.close();
    // Closed, yet a small text still parses: it never needs a worker.
    const source = await closedParser.parse(texts.json as string);
    expect(source.template).toStrictEqual(parseTemplateSource(texts.json as string).template);
  });
});
