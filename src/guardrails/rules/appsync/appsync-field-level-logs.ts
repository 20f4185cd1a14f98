import { defineTemplateRule } from '../../rule.ts';
import { expectOneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'appsync-field-level-logs',
  title: 'AppSync GraphQL APIs log resolver errors at field level',
  severity: 'info',
  rationale:
    'Field-level logs show which resolver failed and why; with NONE a failing field leaves no trace.',
  remediation: 'Set LogConfig.FieldLogLevel to ERROR (or INFO, DEBUG, ALL while investigating).',
  references: ['CKV_AWS_194'],
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  check: (api) =>
    expectOneOf(
      api,
      'LogConfig.FieldLogLevel',
      ['ERROR', 'INFO', 'DEBUG', 'ALL'],
      'Resolver errors are not logged',
      { absent: 'NONE' },
    ),
});
