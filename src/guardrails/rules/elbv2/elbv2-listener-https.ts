import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, unknown } from '../_support/check-result.ts';

export default defineTemplateRule({
  id: 'elbv2-listener-https',
  title: 'Load balancer listeners use HTTPS, or redirect HTTP to HTTPS',
  severity: 'error',
  rationale: 'An HTTP listener that serves content sends requests, cookies and tokens in clear text.',
  remediation:
    'Use Protocol HTTPS with a certificate, or make the HTTP listener default action a redirect to HTTPS.',
  references: ['CKV_AWS_2'],
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  check: (listener) => {
    const protocol = read(listener, 'Protocol');
    if ('result' in protocol) return protocol.result;
    if (protocol.value !== 'HTTP') return PASS;
    const n = listener.length('DefaultActions');
    if (!n.known) return unknown('DefaultActions', n.reason);
    for (let i = 0; i < (n.value ?? 0); i++) {
      const type = listener.get(`DefaultActions.${i}.Type`);
      const to = listener.get(`DefaultActions.${i}.RedirectConfig.Protocol`);
      if (!type.known) return unknown(`DefaultActions.${i}.Type`, type.reason);
      if (type.value !== 'redirect') continue;
      if (!to.known) return unknown(`DefaultActions.${i}.RedirectConfig.Protocol`, to.reason);
      if (to.value === 'HTTPS') return PASS;
    }
    return fail(
      'Protocol',
      'The listener serves plain HTTP: Protocol is "HTTP" with no redirect to HTTPS; expected HTTPS or a redirect to HTTPS',
      'HTTP',
      'HTTPS',
    );
  },
});
