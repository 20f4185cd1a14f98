import { describe, expect, it } from 'vitest';
import { parseTemplateSource } from '../../src/cfn/parse-template-source.ts';

describe('JSON template locations', () => {
  const text = JSON.stringify(
    { Resources: { Site: { Type: 'AWS::S3::Bucket', Properties: { 'a/b': [1, { c: 'q"}' }], Tags: [] } } } },
    null,
    2,
  );
  const source = parseTemplateSource(text);

  it('locates members and list items of JSON text by JSON pointer', () => {
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(source.locate('/Resources/Site')?.line).toBe(lineOf('"Site"'));
    expect(source.locate('/Resources/Site/Properties/a~1b/1/c')).toEqual({ line: lineOf('"c"'), column: 13 });
    expect(source.locate('/Resources/Site/Properties/Tags')?.line).toBe(lineOf('"Tags"'));
  });

  it('falls back to the nearest existing parent', () => {
    expect(source.locate('/Resources/Site/Properties/Missing/Deep')?.line).toBe(
      source.locate('/Resources/Site/Properties')?.line,
    );
  });

  it('reads minified JSON on one line', () => {
    const min = parseTemplateSource('{"Resources":{"A":{"Type":"AWS::SNS::Topic"}}}');
    expect(min.locate('/Resources/A/Type')).toEqual({ line: 1, column: 20 });
  });
});
