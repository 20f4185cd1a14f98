import type { CheckResult, ResourceView } from '../../rule.ts';
import { defineTemplateRule } from '../../rule.ts';
import { combine, eachItem, expectNoneOf } from '../_support/check-result.ts';
import { resultsOf } from '../_support/result-list.ts';

const API_KEY = ['API_KEY'];

function noApiKey(api: ResourceView, path: string): CheckResult {
  return expectNoneOf(api, path, API_KEY, 'Callers authenticate with a shared API key');
}

export default defineTemplateRule({
  id: 'appsync-no-api-key-auth',
  title: 'AppSync GraphQL APIs do not authenticate with API keys',
  severity: 'warning',
  rationale:
    'An API key is a shared secret shipped in clients; it identifies no user, cannot be scoped and is valid for up to a year.',
  remediation:
    'Use AMAZON_COGNITO_USER_POOLS, AWS_IAM, OPENID_CONNECT or AWS_LAMBDA for AuthenticationType and every additional provider.',
  references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/appsync-controls.html'],
  resourceTypes: ['AWS::AppSync::GraphQLApi'],
  check: (api) => {
    const additional = eachItem(api, 'AdditionalAuthenticationProviders', (item) =>
      noApiKey(api, `${item}.AuthenticationType`),
    );
    return combine([noApiKey(api, 'AuthenticationType'), ...resultsOf(additional)]);
  },
});
