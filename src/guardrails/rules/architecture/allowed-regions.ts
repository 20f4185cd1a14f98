import { z } from 'zod';
import { defineArchitectureRule } from '../../rule.ts';

const Params = z.object({
  /** Regions the org deploys to. Empty means no restriction. */
  regions: z.array(z.string()).default([]),
});

export default defineArchitectureRule<z.infer<typeof Params>>({
  id: 'allowed-regions',
  title: 'Architectures deploy only to allowed regions',
  severity: 'error',
  scope: 'architecture',
  params: Params,
  rationale:
    'Data residency, latency commitments and the org’s support coverage (networking, backups, on-call) are tied to a short list of regions.',
  remediation: 'Choose one of the regions the policy allows (`allowed-regions` params.regions).',
  references: [],
  check(_subject, context) {
    const allowed = context.params.regions;
    const region = context.architecture.region;
    if (allowed.length === 0 || allowed.includes(region)) return { status: 'pass' };
    return {
      status: 'fail',
      message: `Region "${region}" is not allowed; expected one of ${allowed.map((r) => `"${r}"`).join(', ')}.`,
      path: 'region',
      actual: region,
      expected: allowed,
    };
  },
  fix: {
    description: 'move the architecture to the first allowed region',
    safe: false,
    operations(_subject, context) {
      const first = context.params.regions[0];
      return first ? [{ op: 'set_meta', region: first }] : [];
    },
  },
});
