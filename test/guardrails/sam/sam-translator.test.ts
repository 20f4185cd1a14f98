/**
 * The SAM expansion against the reference: the machine's Python aws-sam-translator (1.110, part of the image,
 * not a project dependency) translates the templates in ./templates, and our expansion must make the same
 * resources (logical ids and types; SAM's content hashes on layers, versions and deployments aside) with the
 * same values in the properties the guardrails read. Without Python or the translator the test says so and
 * is skipped; everything else about SAM is tested without Python in sam-expansion.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../../src/cfn/parse-template-text.ts';
import { expandTemplate } from '../../../src/guardrails/transforms/expand-template.ts';

const here = import.meta.dirname;
const templates = readdirSync(join(here, 'templates'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const probe = spawnSync('python3', ['-c', 'import samtranslator; print(samtranslator.__version__)'], {
  encoding: 'utf8',
});
const translatorVersion = probe.status === 0 ? probe.stdout.trim() : undefined;
const SKIP_NOTE = `Python aws-sam-translator not found (${(probe.error?.message ?? probe.stderr ?? '').trim().split('\n').pop()}): the SAM expansion is not compared with the reference here`;

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: unknown }
>;

/** Properties compared per type: the ones rules read, and the ones that show the wiring is the same. */
const COMPARED: Readonly<Record<string, readonly string[]>> = {
  'AWS::Lambda::Function': [
    'Runtime',
    'Handler',
    'Code',
    'Role',
    'TracingConfig',
    'DeadLetterConfig',
    'VpcConfig',
    'Environment',
    'Layers',
    'Timeout',
  ],
  'AWS::IAM::Role': ['AssumeRolePolicyDocument', 'ManagedPolicyArns', 'Policies', 'PermissionsBoundary'],
  'AWS::Lambda::Permission': ['Action', 'Principal', 'FunctionName', 'SourceAccount', 'FunctionUrlAuthType'],
  'AWS::Lambda::EventSourceMapping': ['EventSourceArn', 'FunctionName', 'StartingPosition'],
  'AWS::Lambda::Url': ['AuthType', 'TargetFunctionArn'],
  'AWS::Lambda::Alias': ['Name', 'FunctionName'],
  'AWS::Lambda::LayerVersion': ['Content', 'LayerName', 'CompatibleRuntimes', 'DeletionPolicy'],
  'AWS::Events::Rule': ['ScheduleExpression', 'EventPattern', 'Targets'],
  'AWS::SNS::Subscription': ['Endpoint', 'Protocol', 'TopicArn'],
  'AWS::Logs::SubscriptionFilter': ['LogGroupName', 'FilterPattern'],
  'AWS::ApiGateway::Stage': [
    'StageName',
    'AccessLogSetting',
    'MethodSettings',
    'TracingEnabled',
    'RestApiId',
  ],
  'AWS::ApiGatewayV2::Stage': ['StageName', 'AccessLogSettings', 'ApiId', 'AutoDeploy', 'Tags'],
  'AWS::ApiGateway::RestApi': ['Body.securityDefinitions'],
  'AWS::DynamoDB::Table': [
    'AttributeDefinitions',
    'KeySchema',
    'BillingMode',
    'ProvisionedThroughput',
    'SSESpecification',
    'TableName',
    'Tags',
  ],
  'AWS::StepFunctions::StateMachine': [
    'RoleArn',
    'LoggingConfiguration',
    'TracingConfiguration',
    'StateMachineType',
    'DefinitionS3Location',
  ],
};

function get(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Lists whose order SAM does not promise (managed policies, inline policies by name) are compared sorted. */
function canonical(type: string, name: string, value: unknown): unknown {
  if (type === 'AWS::IAM::Role' && name === 'ManagedPolicyArns' && Array.isArray(value))
    return [...value].sort();
  if (type === 'AWS::IAM::Role' && name === 'Policies' && Array.isArray(value)) {
    return [...value]
      .map((p: { PolicyName: string; PolicyDocument: { Statement: unknown[] } }) => ({
        PolicyName: p.PolicyName,
        Statement: p.PolicyDocument.Statement,
      }))
      .sort((a, b) => a.PolicyName.localeCompare(b.PolicyName));
  }
  return value;
}

function projection(
  resources: Resources,
  rename: (id: string) => string,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, resource] of Object.entries(resources)) {
    const fields: Record<string, unknown> = { Type: resource.Type };
    for (const name of COMPARED[resource.Type] ?? []) {
      const value = name === 'DeletionPolicy' ? resource.DeletionPolicy : get(resource.Properties, name);
      if (value !== undefined) fields[name] = canonical(resource.Type, name, value);
    }
    out[rename(id)] = fields;
  }
  return out;
}

/** SAM appends a content hash to layer, version and deployment ids; ours keep the plain id. */
function withoutHash(ours: Resources): (id: string) => string {
  return (id) => {
    const plain = id.replace(/[0-9a-f]{10}$/, '');
    return plain !== id && ours[plain] !== undefined ? plain : id;
  };
}

/** Refs to hashed ids in SAM's output, renamed the same way, so values compare. */
function renameRefs(value: unknown, rename: (id: string) => string): unknown {
  return JSON.parse(
    JSON.stringify(value).replace(
      /"(Ref|Fn::GetAtt)":\s*(\[\s*)?"([A-Za-z0-9]+)"/g,
      (_m, key: string, list: string | undefined, id: string) => `"${key}":${list ?? ''}"${rename(id)}"`,
    ),
  );
}

describe('SAM expansion against aws-sam-translator', () => {
  it.for(templates)('%s expands to what the translator makes', (file, context) => {
    if (!translatorVersion) {
      context.skip(SKIP_NOTE);
      return;
    }
    const path = join(here, 'templates', file);
    const reference = spawnSync('python3', [join(here, 'sam-translate.py'), path], {
      encoding: 'utf8',
      env: { ...process.env, AWS_DEFAULT_REGION: 'us-east-1' },
    });
    expect(reference.status, reference.stderr).toBe(0);
    const theirs = (JSON.parse(reference.stdout) as { Resources: Resources }).Resources;
    const expanded = expandTemplate(parseTemplateText(readFileSync(path, 'utf8')), { region: 'us-east-1' });
    const ours = expanded.template.Resources as Resources;
    const rename = withoutHash(ours);
    expect(expanded.problems).toEqual([]);
    expect(projection(ours, (id) => id)).toEqual(renameRefs(projection(theirs, rename), rename));
  });

  it('names the translator version it compared with', () => {
    if (translatorVersion) expect(translatorVersion).toMatch(/^1\.\d+\.\d+$/);
    else expect(SKIP_NOTE).toContain('not found');
  });
});
