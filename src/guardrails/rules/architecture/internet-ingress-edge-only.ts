import type { ComponentKind } from '../../../model/kinds.ts';
import { COMPONENT_KINDS } from '../../../model/kinds.ts';
import type { CheckResult } from '../../rule.ts';
import { defineArchitectureRule } from '../../rule.ts';

/** Kinds built to face the internet. Buckets have their own rule (no-public-bucket). */
const EDGE: ReadonlySet<ComponentKind> = new Set([
  'load_balancer',
  'cdn',
  'static_site',
  'http_api',
  'bucket',
  'dns',
]);
/** Components that bring internet traffic to what they route to or take as an origin. */
const ENTRY: ReadonlySet<ComponentKind> = new Set(['dns', 'cdn']);

export default defineArchitectureRule({
  id: 'internet-ingress-edge-only',
  title: 'Only load balancers, CDNs, static sites and HTTP APIs accept internet traffic',
  severity: 'error',
  scope: COMPONENT_KINDS.filter((k) => !EDGE.has(k)),
  rationale:
    'Databases, services, caches and VMs reachable from the internet bypass TLS termination, WAF and rate limits at the edge and are scanned within minutes.',
  remediation:
    'Point the DNS record or CDN origin at a load_balancer, cdn or http_api in front of the component instead of at the component itself.',
  references: ['AwsSolutions-EC23'],
  check(subject, context): CheckResult | CheckResult[] {
    if (!subject) return { status: 'pass' };
    const results: CheckResult[] = [];
    const entries = [...context.connectionsTo(subject.id)]
      .filter((c) => c.access === 'route' || c.access === 'origin')
      .map((c) => context.component(c.from))
      .filter((c) => c !== undefined && ENTRY.has(c.kind))
      .sort((a, b) => (a?.id ?? '').localeCompare(b?.id ?? ''));
    for (const entry of entries) {
      if (!entry) continue;
      results.push({
        status: 'fail',
        message: `${subject.kind} "${subject.id}" receives internet traffic directly from ${entry.kind} "${entry.id}"; expected a load_balancer, cdn or http_api in between.`,
        actual: `${entry.kind} ${entry.id}`,
        expected: 'load_balancer | http_api | cdn in front',
      });
    }
    return results.length > 0 ? results : { status: 'pass' };
  },
  fix: {
    description: 'remove the direct route from the DNS record or CDN (then put an edge component in front)',
    // Not safe: it takes the component off the internet, which may be the point of the request.
    safe: false,
    operations(subject, context) {
      if (!subject) return [];
      return context
        .connectionsTo(subject.id)
        .filter((c) => c.access === 'route' || c.access === 'origin')
        .filter((c) => ENTRY.has(context.component(c.from)?.kind ?? 'queue'))
        .map((c) => ({ op: 'disconnect' as const, from: c.from, to: c.to, access: c.access }));
    },
  },
});
