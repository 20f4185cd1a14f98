import { defineTemplateRule } from '../../rule.ts';
import { expectPresent } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'appsync-logging',
  title: 'AppSync GraphQL APIs log to CloudWatch Logs',
  severity: 'warning',
  rationale:
    'Request and resolver logs are the only record of who queried the API and why a resolver failed.',
  remediation: 'Set LogConfig.CloudWatchLogsRoleArn to a role AppSync can assume, with a FieldLogLevel.',
  references: ['CKV_AWS_193'],
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  check: (api) => expectPresent(api, 'LogConfig.CloudWatchLogsRoleArn', 'The API does not log'),
});
