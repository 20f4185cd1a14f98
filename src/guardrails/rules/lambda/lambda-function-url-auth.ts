import { defineTemplateRule } from '../../rule.ts';
import { expectNoneOf } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'lambda-function-url-auth',
  title: 'Lambda function URLs require IAM authentication',
  severity: 'warning',
  rationale:
    'A function URL with AuthType NONE is a public HTTPS endpoint: anyone who finds it can invoke the function and run up its cost.',
  remediation:
    'Set AuthType to AWS_IAM, or put the function behind API Gateway or CloudFront with authentication and throttling.',
  references: ['CKV_AWS_258'],
  resourceTypes: ['AWS::Lambda::Url'],
  check: (url) => expectNoneOf(url, 'AuthType', ['NONE'], 'The function URL is public'),
});
