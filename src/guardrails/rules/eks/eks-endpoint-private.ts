import { defineTemplateRule } from '../../rule.ts';
import { expectBool } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'eks-endpoint-private',
  title: 'EKS cluster API endpoints are private',
  severity: 'warning',
  rationale:
    'A public Kubernetes API endpoint can be reached (and brute-forced or exploited) from anywhere on the internet.',
  remediation:
    'Set ResourcesVpcConfig.EndpointPublicAccess to false and EndpointPrivateAccess to true; reach the API through the VPC.',
  references: ['CKV_AWS_39', 'AwsSolutions-EKS1'],
  resourceTypes: ['AWS::EKS::Cluster'],
  check: (cluster) =>
    expectBool(cluster, 'ResourcesVpcConfig.EndpointPublicAccess', false, 'The API endpoint is public', {
      absent: true,
    }),
});
