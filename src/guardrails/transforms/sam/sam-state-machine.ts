import type { PathMapping } from '../resource-origin.ts';
import { exactly } from '../resource-origin.ts';
import type { SamOutput } from './sam-output.ts';
import { attributes, tagList } from './sam-output.ts';
import { executionRole } from './sam-policies.ts';
import type { SamSource } from './sam-source.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** State machine events that start an execution through an EventBridge rule and a role. */
const RULE_EVENTS = new Set(['Schedule', 'CloudWatchEvent', 'EventBridgeRule']);

/**
 * AWS::Serverless::StateMachine → AWS::StepFunctions::StateMachine (same logical id) with its logging and
 * tracing configuration, its role `<id>Role` unless `Role` is given, and for schedule and EventBridge events
 * a rule `<id><event>` with the role `<id><event>Role` it starts executions with.
 */
export function expandStateMachine(out: SamOutput, source: SamSource): void {
  const id = source.logicalId;
  const properties: Record<string, unknown> = {};
  const mappings: PathMapping[] = [];
  const definition = source.get('Definition');
  const uri = source.get('DefinitionUri');
  if (definition !== undefined) {
    properties.Definition = definition;
    mappings.push(['/Properties/Definition', source.at('Definition')]);
  } else if (uri !== undefined) {
    const match = typeof uri === 'string' ? /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) : null;
    properties.DefinitionS3Location = match ? { Bucket: match[1], Key: match[2] } : uri;
    mappings.push(exactly(source.at('DefinitionUri'), '/Properties/DefinitionS3Location'));
  }
  const renamed: [string, string][] = [
    ['DefinitionSubstitutions', 'DefinitionSubstitutions'],
    ['Logging', 'LoggingConfiguration'],
    ['Tracing', 'TracingConfiguration'],
    ['Name', 'StateMachineName'],
    ['Type', 'StateMachineType'],
  ];
  for (const [from, to] of renamed) {
    const value = source.get(from);
    if (value === undefined) continue;
    properties[to] = value;
    mappings.push([`/Properties/${to}`, source.at(from)]);
  }
  properties.Tags = tagList('stateMachine:createdBy', source.get('Tags'));
  const role = source.get('Role');
  if (role !== undefined) {
    properties.RoleArn = role;
    mappings.push(['/Properties/RoleArn', source.at('Role')]);
  } else {
    properties.RoleArn = { 'Fn::GetAtt': [`${id}Role`, 'Arn'] };
    const tracing = source.get('Tracing');
    const leading =
      isRecord(tracing) && tracing.Enabled === true
        ? [{ name: 'AWSXrayWriteOnlyAccess', pointer: source.at('Tracing') }]
        : [];
    executionRole(
      out,
      source,
      `${id}Role`,
      'states.amazonaws.com',
      { leading, trailing: [], inline: [] },
      'stateMachine:createdBy',
    );
  }
  out.emit(
    id,
    { ...attributes(source), Type: 'AWS::StepFunctions::StateMachine', Properties: properties },
    source,
    mappings,
  );
  events(out, source);
}

function events(out: SamOutput, source: SamSource): void {
  const list = source.get('Events');
  if (!isRecord(list)) return;
  const id = source.logicalId;
  for (const [name, event] of Object.entries(list)) {
    const pointer = source.at('Events', name);
    const type = isRecord(event) ? event.Type : undefined;
    const properties = isRecord(event) && isRecord(event.Properties) ? event.Properties : {};
    if (typeof type !== 'string' || !RULE_EVENTS.has(type)) {
      out.problem(
        source,
        pointer,
        `the state machine event type ${String(type)} of ${id} is not modelled; what it creates was not checked`,
      );
      continue;
    }
    const ruleId = `${id}${name}`;
    const roleId = `${ruleId}Role`;
    const rule: Record<string, unknown> = {};
    if (properties.Schedule !== undefined) rule.ScheduleExpression = properties.Schedule;
    if (properties.Pattern !== undefined) rule.EventPattern = properties.Pattern;
    if (properties.EventBusName !== undefined) rule.EventBusName = properties.EventBusName;
    rule.Targets = [
      { Arn: { Ref: id }, Id: `${ruleId}StepFunctionsTarget`, RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } },
    ];
    out.emit(ruleId, { Type: 'AWS::Events::Rule', Properties: rule }, source, [exactly(pointer)]);
    out.emit(
      roleId,
      {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Action: ['sts:AssumeRole'],
                Effect: 'Allow',
                Principal: { Service: ['events.amazonaws.com'] },
              },
            ],
          },
          Policies: [
            {
              PolicyName: `${roleId}StartExecutionPolicy`,
              PolicyDocument: {
                Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: { Ref: id } }],
              },
            },
          ],
        },
      },
      source,
      [exactly(pointer)],
    );
  }
}
