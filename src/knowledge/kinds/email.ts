import { ref, sub } from '../cfn.ts';
import { statement } from '../iam.ts';
import { defineKind } from '../kind-definition.ts';
import { param } from '../params.ts';

export default defineKind({
  kind: 'email',
  title: 'Email sending',
  description:
    'An SES domain identity with Easy DKIM and a configuration set requiring TLS; `publish` grants SendEmail/SendRawEmail from this identity and configuration set only.',
  awsResources: ['AWS::SES::EmailIdentity', 'AWS::SES::ConfigurationSet'],
  network: 'never',
  params: [
    param({
      name: 'domain',
      type: 'string',
      description: 'Sending domain; null to take it from a template parameter.',
      default: null,
      pattern: '^[a-z0-9.-]+\\.[a-z]{2,}$',
    }),
    param({
      name: 'emails_per_month',
      type: 'integer',
      unit: 'emails/month',
      description: 'Cost assumption: emails sent per month.',
      default: 10_000,
      min: 0,
      usage: true,
    }),
  ],
  data: {
    access: {
      publish: (t) => ({
        statements: [
          statement(
            t.sid('send'),
            ['ses:SendEmail', 'ses:SendRawEmail'],
            [
              sub(
                `arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:identity/\${${t.logicalId('identity')}}`,
              ),
              sub(
                `arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:configuration-set/\${${t.logicalId('configuration-set')}}`,
              ),
            ],
          ),
        ],
        env: {
          [`${t.envPrefix}_FROM_DOMAIN`]: ref(t.logicalId('identity')),
          [`${t.envPrefix}_CONFIGURATION_SET`]: ref(t.logicalId('configuration-set')),
        },
      }),
    },
  },
  expand(ctx) {
    const domain =
      ctx.params.domain === null
        ? ctx.parameter(`${ctx.id}-domain`, {
            Type: 'String',
            Description: `Sending domain of ${ctx.id}`,
            AllowedPattern: '^[a-z0-9.-]+\\.[a-z]{2,}$',
          })
        : (ctx.params.domain as string);
    return {
      'configuration-set': {
        Type: 'AWS::SES::ConfigurationSet',
        Properties: {
          Name: ctx.name(),
          DeliveryOptions: { TlsPolicy: 'REQUIRE' },
          ReputationOptions: { ReputationMetricsEnabled: true },
          SendingOptions: { SendingEnabled: true },
        },
      },
      identity: {
        Type: 'AWS::SES::EmailIdentity',
        Properties: {
          EmailIdentity: domain,
          ConfigurationSetAttributes: { ConfigurationSetName: ref(ctx.logicalId('configuration-set')) },
          DkimAttributes: { SigningEnabled: true },
          FeedbackAttributes: { EmailForwardingEnabled: true },
        },
      },
    };
  },
});
