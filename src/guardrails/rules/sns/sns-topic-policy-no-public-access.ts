import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'sns-topic-policy-no-public-access',
  title: 'SNS topic policies do not allow everyone',
  severity: 'error',
  rationale:
    'An Allow statement for Principal "*" without a Condition lets any AWS account publish to or subscribe to the topic.',
  remediation: 'Name the principals, or add a Condition such as aws:SourceArn or aws:SourceAccount.',
  references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html'],
  resourceTypes: ['AWS::SNS::TopicPolicy'],
  check: (policy, { index }) => checkNoPublicPrincipal(policy, index, 'The topic policy is public'),
});
