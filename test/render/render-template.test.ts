import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandArchitecture } from '../../src/knowledge/index.ts';
import { canonicalTemplate, renderTemplate } from '../../src/render/index.ts';
import { GOLDEN_ARCHITECTURES } from '../golden/architectures.ts';

describe('renderTemplate', () => {
  const template = expandArchitecture(GOLDEN_ARCHITECTURES['api-function-table']!);
  const { json, yaml } = renderTemplate(template);

  it('writes JSON with 2-space indent and sections in CloudFormation order', () => {
    expect(json.startsWith('{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Description"')).toBe(true);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'AWSTemplateFormatVersion',
      'Description',
      'Parameters',
      'Resources',
      'Outputs',
    ]);
    expect(Object.keys(parsed.Resources as object)).toEqual(
      [...Object.keys(parsed.Resources as object)].sort(),
    );
    expect(parsed).toEqual(JSON.parse(JSON.stringify(template)));
  });

  it('writes the same JSON bytes as stringifying the canonical copy', () => {
    for (const architecture of Object.values(GOLDEN_ARCHITECTURES)) {
      const t = expandArchitecture(architecture);
      expect(renderTemplate(t).json).toBe(`${JSON.stringify(canonicalTemplate(t), null, 2)}\n`);
    }
  });

  it('puts resource attributes in the usual order', () => {
    const parsed = JSON.parse(json) as { Resources: Record<string, Record<string, unknown>> };
    expect(Object.keys(parsed.Resources.OrdersTable!)).toEqual([
      'Type',
      'DeletionPolicy',
      'UpdateReplacePolicy',
      'Metadata',
      'Properties',
    ]);
  });

  it('writes YAML with short-form intrinsics and quoted date-like strings', () => {
    expect(yaml).toContain('ApiId: !Ref ApiApi');
    expect(yaml).toContain('Role: !GetAtt OrdersFnRole.Arn');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax
    expect(yaml).toContain('- !Sub ${OrdersTable.Arn}/index/*');
    expect(yaml).toContain('Version: "2012-10-17"');
    expect(yaml).not.toContain('Fn::');
    expect(yaml).not.toContain('Ref:');
  });

  it('writes YAML that reads back as the same template (YAML 1.1 and 1.2 readers)', () => {
    const names = ['Ref', 'GetAtt', 'Sub', 'Join', 'Select', 'GetAZs', 'Base64', 'If'];
    const resolveTag = (name: string, value: unknown) => {
      if (name === 'Ref') return { Ref: value };
      if (name === 'GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] };
      }
      return { [`Fn::${name}`]: value };
    };
    const customTags = names.flatMap((name) => [
      {
        tag: `!${name}`,
        identify: (): boolean => false,
        resolve: (value: unknown) => resolveTag(name, value),
      },
      {
        tag: `!${name}`,
        identify: (): boolean => false,
        collection: 'seq' as const,
        resolve: (seq: { toJSON(): unknown }) => resolveTag(name, seq.toJSON()),
      },
    ]);
    const architectures = [
      ...Object.values(GOLDEN_ARCHITECTURES),
      {
        ...GOLDEN_ARCHITECTURES['queue-worker']!,
        components: [
          ...GOLDEN_ARCHITECTURES['queue-worker']!.components,
          { id: 'box', kind: 'vm' as const, params: {} },
          { id: 'vault', kind: 'secret' as const, params: {} },
        ],
        connections: [
          ...GOLDEN_ARCHITECTURES['queue-worker']!.connections,
          { from: 'box', to: 'vault', access: 'read' as const },
          { from: 'box', to: 'jobs', access: 'publish' as const },
        ],
      },
    ];
    for (const architecture of architectures) {
      const rendered = renderTemplate(expandArchitecture(architecture));
      for (const version of ['1.1', '1.2'] as const) {
        const parsed = parse(rendered.yaml, { customTags: customTags as never, version });
        expect(parsed).toEqual(JSON.parse(rendered.json));
      }
    }
  });
});
