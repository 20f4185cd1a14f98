import { defineTemplateRule } from '../../rule.ts';
import { checkNoPublicPrincipal } from '../_support/public-principal.ts';

export default defineTemplateRule({
  id: 'sqs-queue-policy-no-public-access',
  title: 'SQS queue policies do not allow everyone',
  severity: 'error',
  rationale:
    'An Allow statement for Principal "*" without a Condition lets any AWS account send, read or delete messages.',
  remediation:
    'Name the principals, or add a Condition such as aws:SourceArn for the SNS topic or EventBridge rule that sends.',
  references: [
    'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
  ],
  resourceTypes: ['AWS::SQS::QueuePolicy'],
  check: (policy, { index }) => checkNoPublicPrincipal(policy, index, 'The queue policy is public'),
});
