import { getAtt, ref } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind, type ResourceDraft } from '../kind-definition.ts';
import { param } from '../params.ts';

export default defineKind({
  kind: 'event_bus',
  title: 'Event bus',
  description:
    'An EventBridge custom event bus; `publish` connections grant events:PutEvents on this bus only, `trigger` connections add a rule delivering its events (with retries and a dead-letter queue) to a function, queue, workflow, topic, stream, or a one-off task of a worker.',
  awsResources: ['AWS::Events::EventBus', 'AWS::Events::Rule'],
  network: 'never',
  params: [
    param({
      name: 'archive_days',
      type: 'integer',
      unit: 'days',
      description: 'Keep an archive of events for replay; null for none.',
      default: { dev: null, staging: 7, prod: 30 },
      min: 1,
      max: 3650,
    }),
    param({
      name: 'events_per_month',
      type: 'integer',
      unit: 'events/month',
      description: 'Cost assumption: custom events published per month.',
      default: 1_000_000,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      publish: (t) => ({
        statements: [
          statement(t.sid('put-events'), ['events:PutEvents'], [getAtt(t.logicalId('bus'), 'Arn')]),
        ],
        env: { [`${t.envPrefix}_EVENT_BUS_NAME`]: ref(t.logicalId('bus')) },
      }),
    },
  },
  expand(ctx) {
    const resources: Record<string, ResourceDraft> = {
      bus: {
        Type: 'AWS::Events::EventBus',
        Properties: { Name: ctx.name(), Description: `${ctx.id} (${ctx.architecture.name})` },
      },
    };
    if (ctx.params.archive_days !== null) {
      resources.archive = {
        Type: 'AWS::Events::Archive',
        Properties: {
          SourceArn: getAtt(ctx.logicalId('bus'), 'Arn'),
          RetentionDays: ctx.params.archive_days as number,
          Description: `Archive of ${ctx.id}`,
        },
      };
    }
    return resources;
  },
});
