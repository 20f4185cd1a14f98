import { defineTemplateRule } from '../../rule.ts';
import { expectBool, PASS, read } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

export default defineTemplateRule({
  id: 'ecs-service-circuit-breaker',
  title: 'ECS services roll back failed deployments',
  severity: 'info',
  rationale:
    'Without the deployment circuit breaker, a deployment whose tasks never become healthy keeps retrying instead of rolling back.',
  remediation: 'Set DeploymentConfiguration.DeploymentCircuitBreaker with Enable and Rollback true.',
  references: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html'],
  resourceTypes: ['AWS::ECS::Service'],
  check: (service) => {
    const controller = read(service, 'DeploymentController.Type');
    if ('result' in controller) return controller.result;
    if (controller.value !== undefined && controller.value !== 'ECS') return PASS;
    return expectBool(
      service,
      'DeploymentConfiguration.DeploymentCircuitBreaker.Rollback',
      true,
      'Failed deployments are not rolled back',
      { absent: false },
    );
  },
  fix: {
    description: 'enable the deployment circuit breaker with rollback',
    safe: true,
    patch: (service) =>
      setProperty(service, 'DeploymentConfiguration.DeploymentCircuitBreaker', {
        Enable: true,
        Rollback: true,
      }),
  },
});
