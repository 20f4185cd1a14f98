import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'apigateway-stage-execution-logging',
  title: 'API Gateway REST API stages log execution errors for every method',
  severity: 'warning',
  rationale:
    'Execution logs show why API Gateway rejected or failed a request (authorizer, mapping, integration errors), which access logs do not.',
  remediation:
    'Add a MethodSettings entry with ResourcePath "/*", HttpMethod "*" and LoggingLevel ERROR or INFO.',
  references: ['AwsSolutions-APIG6'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  check: (stage) => {
    const n = stage.length('MethodSettings');
    if (!n.known) return unknown('MethodSettings', n.reason);
    for (let i = 0; i < (n.value ?? 0); i++) {
      const values: unknown[] = [];
      for (const field of ['ResourcePath', 'HttpMethod', 'LoggingLevel']) {
        const r = stage.get(`MethodSettings.${i}.${field}`);
        if (!r.known) return unknown(`MethodSettings.${i}.${field}`, r.reason);
        values.push(r.value);
      }
      const [path, method, level] = values;
      if (path === '/*' && method === '*' && (level === 'ERROR' || level === 'INFO')) return PASS;
    }
    return fail(
      'MethodSettings',
      'No MethodSettings entry logs all methods ("/*", "*") at ERROR or INFO; expected one',
      'OFF',
      'ERROR or INFO for /* and *',
    );
  },
});
