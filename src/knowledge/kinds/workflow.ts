import { type CfnValue, getAtt, ref } from '../cfn.ts';
import { assumeRolePolicy, inlinePolicies, statement } from '../iam.ts';
import { defineKind, type PolicyStatement } from '../kind-definition.ts';
import { logGroup } from '../log-group.ts';
import { param } from '../params.ts';

export default defineKind({
  kind: 'workflow',
  title: 'Workflow',
  description:
    'A Step Functions state machine with logging and tracing; its role gets only the grants of its connections (invoke functions, start workflows, use tables, queues, topics, buckets) and their names and ARNs are available to the definition as DefinitionSubstitutions.',
  awsResources: ['AWS::StepFunctions::StateMachine', 'AWS::IAM::Role', 'AWS::Logs::LogGroup'],
  network: 'never',
  compute: { workloadRole: 'role', canJoinVpc: false, usesData: true, triggerTarget: 'states' },
  params: [
    param({
      name: 'type',
      type: 'string',
      description: 'Standard (durable, up to a year) or Express (high-rate, up to 5 minutes).',
      default: 'STANDARD',
      allowed: ['STANDARD', 'EXPRESS'],
    }),
    param({
      name: 'log_level',
      type: 'string',
      description: 'Execution history logged.',
      default: { dev: 'ALL', staging: 'ERROR', prod: 'ERROR' },
      allowed: ['ALL', 'ERROR', 'FATAL'],
    }),
    param({
      name: 'executions_per_month',
      type: 'integer',
      unit: 'executions/month',
      description: 'Cost assumption: executions per month.',
      default: 10_000,
      min: 0,
      usage: true,
    }),
    param({
      name: 'transitions_per_execution',
      type: 'integer',
      description: 'Cost assumption: state transitions per execution.',
      default: 10,
      min: 1,
      usage: true,
    }),
  ],
  data: {
    access: {
      invoke: (t) => ({
        statements: [
          statement(t.sid('start-execution'), ['states:StartExecution'], [ref(t.logicalId('state-machine'))]),
        ],
        env: { [`${t.envPrefix}_STATE_MACHINE_ARN`]: ref(t.logicalId('state-machine')) },
      }),
    },
  },
  expand(ctx) {
    const logGroupId = ctx.logicalId('log-group');
    const base: PolicyStatement[] = [
      // Vended log delivery and X-Ray APIs have no resource type (see WILDCARD_RESOURCE_ACTIONS).
      statement(
        'DeliverLogs',
        [
          'logs:CreateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:DescribeLogGroups',
          'logs:DescribeResourcePolicies',
          'logs:GetLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:UpdateLogDelivery',
        ],
        ['*'],
      ),
      statement('WriteTraces', ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], ['*']),
    ];
    const substitutions: Record<string, CfnValue> = {};
    for (const key of Object.keys(ctx.inbound.env).sort()) substitutions[key] = ctx.inbound.env[key]!;
    const definition = {
      Comment: `${ctx.id}: replace with the real workflow; connection names and ARNs are available as \${NAME} substitutions`,
      StartAt: 'Start',
      States: { Start: { Type: 'Pass', End: true } },
    };
    return {
      'log-group': logGroup(ctx, `/aws/vendedlogs/states/${ctx.name()}`),
      role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: `Workload role of workflow ${ctx.id}`,
          AssumeRolePolicyDocument: assumeRolePolicy('states.amazonaws.com', true),
          Policies: inlinePolicies('least-privilege', [...base, ...ctx.inbound.statements]),
        },
      },
      'state-machine': {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          StateMachineName: ctx.name(),
          StateMachineType: ctx.params.type as string,
          RoleArn: getAtt(ctx.logicalId('role'), 'Arn'),
          DefinitionString: JSON.stringify(definition),
          ...(Object.keys(substitutions).length > 0 ? { DefinitionSubstitutions: substitutions } : {}),
          LoggingConfiguration: {
            Level: ctx.params.log_level as string,
            IncludeExecutionData: false,
            Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: getAtt(logGroupId, 'Arn') } }],
          },
          TracingConfiguration: { Enabled: true },
        },
      },
    };
  },
});
