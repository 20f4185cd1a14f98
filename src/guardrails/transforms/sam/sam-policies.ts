import { UNMODELLED } from '../../intrinsics/intrinsic-resolver.ts';
import type { PathMapping } from '../resource-origin.ts';
import type { SamOutput } from './sam-output.ts';
import { tagList } from './sam-output.ts';
import { POLICY_TEMPLATES } from './sam-policy-templates.ts';
import type { SamSource } from './sam-source.ts';

/** AWS managed policies whose ARN has the `service-role/` path (the rest live at the root path). */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaENIManagementAccess',
  'AWSLambdaRole',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntrinsic(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] as string).startsWith('Fn::'));
}

/** The ARN of an AWS managed policy by name (`AdministratorAccess`), or the value when it is an ARN already. */
export function managedPolicy(out: SamOutput, name: unknown): unknown {
  if (typeof name !== 'string' || name.startsWith('arn:')) return name;
  return out.managedPolicyArn(SERVICE_ROLE_POLICIES.has(name) ? `service-role/${name}` : name);
}

/** An execution role's extra pieces: managed policies and inline statements the SAM resource implies. */
export interface ImpliedPolicies {
  /** Managed policies before the `Policies` property's (basic execution, X-Ray, VPC access). */
  readonly leading: readonly { readonly name: string; readonly pointer: string }[];
  /** Managed policies after them (event sources: SQS, Kinesis, DynamoDB streams). */
  readonly trailing: readonly { readonly name: string; readonly pointer: string }[];
  /** Inline policies before the `Policies` ones (the dead-letter queue's). */
  readonly inline: readonly { readonly name: string; readonly document: unknown; readonly pointer: string }[];
}

function templateStatements(name: string, args: unknown): unknown[] | undefined {
  const template = POLICY_TEMPLATES[name];
  if (!template) return undefined;
  const given = isRecord(args) ? args : {};
  const variables: Record<string, unknown> = {};
  for (const [param, variable] of template.params) variables[variable] = given[param];
  return template.statements.map((statement) => {
    const resources = statement.resources.map((pattern) => {
      if (!pattern.includes('${')) return pattern;
      const used = pickUsed(pattern, variables);
      return { 'Fn::Sub': Object.keys(used).length > 0 ? [pattern, used] : pattern };
    });
    return {
      Action: typeof statement.actions === 'string' ? statement.actions : [...statement.actions],
      Effect: 'Allow',
      Resource: resources.length === 1 && !statement.resourceList ? resources[0] : resources,
    };
  });
}

function pickUsed(pattern: string, variables: Record<string, unknown>): Record<string, unknown> {
  const used: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables))
    if (pattern.includes(`\${${name}}`)) used[name] = value;
  return used;
}

/**
 * The execution role SAM creates when a Function or StateMachine names no `Role`: trust for `service`,
 * the implied managed policies, and one entry per item of `Policies` (an AWS managed policy name or ARN, an
 * inline policy document, or a policy template). Policy templates the expansion does not model give a
 * statement that reads as `unknown`.
 */
export function executionRole(
  out: SamOutput,
  source: SamSource,
  roleId: string,
  service: string,
  implied: ImpliedPolicies,
  createdByTag: string,
): void {
  const mappings: PathMapping[] = [];
  const managed: unknown[] = [];
  const inline: { PolicyName: string; PolicyDocument: unknown }[] = [];
  const addManaged = (arn: unknown, pointer: string) => {
    mappings.push([`/Properties/ManagedPolicyArns/${managed.length}`, pointer, true]);
    managed.push(arn);
  };
  const addInline = (name: string, document: unknown, pointer: string, documentPointer?: string) => {
    mappings.push([`/Properties/Policies/${inline.length}`, pointer, true]);
    if (documentPointer)
      mappings.push([`/Properties/Policies/${inline.length}/PolicyDocument`, documentPointer]);
    inline.push({ PolicyName: name, PolicyDocument: document });
  };
  for (const policy of implied.leading) addManaged(managedPolicy(out, policy.name), policy.pointer);
  for (const policy of implied.inline) addInline(policy.name, policy.document, policy.pointer);
  const policies = source.get('Policies');
  const list = policies === undefined ? [] : Array.isArray(policies) ? policies : [policies];
  list.forEach((item, i) => {
    const pointer = Array.isArray(policies) ? source.at('Policies', i) : source.at('Policies');
    if (typeof item === 'string' || isIntrinsic(item)) {
      addManaged(managedPolicy(out, item), pointer);
    } else if (isRecord(item) && 'Statement' in item) {
      addInline(`${roleId}Policy${i}`, item, pointer, pointer);
    } else if (isRecord(item) && Object.keys(item).length === 1) {
      const name = Object.keys(item)[0] as string;
      const statements = templateStatements(name, item[name]);
      const document = statements
        ? { Statement: statements }
        : {
            Statement: [
              {
                Effect: 'Allow',
                Action: { [UNMODELLED]: `the SAM policy template ${name} is not modelled` },
                Resource: '*',
              },
            ],
          };
      addInline(`${roleId}Policy${i}`, document, pointer);
    } else {
      out.problem(
        source,
        pointer,
        `Policies item ${i} is not a policy name, ARN, document or policy template`,
      );
    }
  });
  for (const policy of implied.trailing) addManaged(managedPolicy(out, policy.name), policy.pointer);

  const assume = source.get('AssumeRolePolicyDocument');
  if (assume !== undefined)
    mappings.push(['/Properties/AssumeRolePolicyDocument', source.at('AssumeRolePolicyDocument')]);
  const boundary = source.get('PermissionsBoundary');
  if (boundary !== undefined)
    mappings.push(['/Properties/PermissionsBoundary', source.at('PermissionsBoundary')]);
  const properties: Record<string, unknown> = {
    AssumeRolePolicyDocument: assume ?? {
      Version: '2012-10-17',
      Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [service] } }],
    },
  };
  if (managed.length > 0) properties.ManagedPolicyArns = managed;
  if (inline.length > 0) properties.Policies = inline;
  if (boundary !== undefined) properties.PermissionsBoundary = boundary;
  properties.Tags = tagList(createdByTag, source.get('Tags'));
  out.emit(roleId, { Type: 'AWS::IAM::Role', Properties: properties }, source, mappings);
}
