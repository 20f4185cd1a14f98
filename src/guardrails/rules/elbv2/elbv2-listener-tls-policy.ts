import { defineTemplateRule } from '../../rule.ts';
import { fail, PASS, read, show } from '../_support/check-result.ts';
import { setProperty } from '../_support/template-patch.ts';

const MODERN = /^ELBSecurityPolicy-(TLS-1-2|FS-1-2|TLS13-1-[23])/;
const RECOMMENDED = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export default defineTemplateRule({
  id: 'elbv2-listener-tls-policy',
  title: 'HTTPS and TLS listeners refuse TLS versions before 1.2',
  severity: 'error',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are no longer allowed by PCI DSS and most compliance programs.',
  remediation: `Set SslPolicy to ${RECOMMENDED} (or another TLS 1.2+ policy).`,
  references: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
  ],
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  check: (listener) => {
    const protocol = read(listener, 'Protocol');
    if ('result' in protocol) return protocol.result;
    if (protocol.value !== 'HTTPS' && protocol.value !== 'TLS') return PASS;
    const policy = read(listener, 'SslPolicy');
    if ('result' in policy) return policy.result;
    if (typeof policy.value === 'string' && MODERN.test(policy.value)) return PASS;
    const actual =
      policy.value === undefined
        ? 'not set (ELBSecurityPolicy-2016-08, which allows TLS 1.0)'
        : show(policy.value);
    return fail(
      'SslPolicy',
      `SslPolicy is ${actual}; expected a TLS 1.2+ policy such as ${RECOMMENDED}`,
      policy.value,
      RECOMMENDED,
    );
  },
  fix: {
    description: `use ${RECOMMENDED} (clients older than TLS 1.2 can no longer connect)`,
    safe: false,
    patch: (listener) => setProperty(listener, 'SslPolicy', RECOMMENDED),
  },
});
