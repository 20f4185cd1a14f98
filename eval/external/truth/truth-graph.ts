import type { ParamValue } from '../../../src/model/architecture.ts';
import type { EvalAccess, EvalKind } from '../../eval-vocabulary.ts';
import type { TemplateContext } from './template-context.ts';

export interface TruthNode {
  /** The resource's logical id, or a name for something the template implies (`ServerlessRestApi`). */
  id: string;
  kind: EvalKind;
  params: Record<string, ParamValue>;
}

/** Where a connection was read from: decides what keeps a dead-letter queue a component (truth-exclusions). */
export type EdgeOrigin = 'event' | 'route' | 'definition' | 'iam' | 'network' | 'destination';

export interface TruthEdge {
  from: string;
  to: string;
  access: EvalAccess;
  origin: EdgeOrigin;
}

export interface DataUse {
  from: string;
  to: string;
  read: boolean;
  write: boolean;
  origin: EdgeOrigin;
}

/** Why a resource may be plumbing rather than a component (truth-exclusions decides). */
export type Plumbing = 'dead-letter' | 'log-or-backup' | 'custom-resource' | 'authorizer';

/**
 * The components and connections read from a template, before the project's conventions filter them.
 * Data access from compute to a store is kept as read/write flags per pair and merged (a read grant and a
 * write grant are `readwrite`); network reachability (security groups, endpoints in environment
 * variables) only counts for a pair nothing else connects.
 */
export class TruthGraph {
  readonly nodes = new Map<string, TruthNode>();
  readonly edges: TruthEdge[] = [];
  /** Data access per (from, to, origin); merged into one access mode per pair when the truth is built. */
  readonly data = new Map<string, DataUse>();
  readonly network = new Set<string>();
  readonly plumbing = new Map<string, Set<Plumbing>>();
  /** Database secrets: the secret's id → the database it belongs to. */
  readonly secretOf = new Map<string, string>();
  private readonly aliases = new Map<string, string>();

  constructor(readonly ctx: TemplateContext) {}

  addNode(id: string, kind: EvalKind, params: Record<string, ParamValue> = {}): void {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind, params });
  }

  /** References to `resource` mean the node `node` (a Lambda alias means its function, …). */
  alias(resource: string, node: string): void {
    if (!this.nodes.has(resource) && !this.aliases.has(resource)) this.aliases.set(resource, node);
  }

  nodeFor(resource: string): string | undefined {
    if (this.nodes.has(resource)) return resource;
    const target = this.aliases.get(resource);
    return target !== undefined && this.nodes.has(target) ? target : undefined;
  }

  kindOf(node: string): EvalKind | undefined {
    return this.nodes.get(node)?.kind;
  }

  /** The nodes a template value refers to, optionally only those of some kinds, in reference order. */
  nodesIn(value: unknown, kinds?: readonly EvalKind[]): string[] {
    const out: string[] = [];
    for (const ref of this.ctx.refsIn(value)) {
      const node = this.nodeFor(ref);
      if (node === undefined || out.includes(node)) continue;
      if (kinds && !kinds.includes(this.kindOf(node) as EvalKind)) continue;
      out.push(node);
    }
    return out;
  }

  connect(from: string | undefined, to: string | undefined, access: EvalAccess, origin: EdgeOrigin): void {
    if (from === undefined || to === undefined || from === to) return;
    if (!this.nodes.has(from) || !this.nodes.has(to)) return;
    if (this.edges.some((e) => e.from === from && e.to === to && e.access === access)) return;
    this.edges.push({ from, to, access, origin });
  }

  /** Compute `from` reads and/or writes store `to`. */
  use(from: string, to: string, how: { read?: boolean; write?: boolean }, origin: EdgeOrigin): void {
    if (from === to || !this.nodes.has(from) || !this.nodes.has(to)) return;
    const key = `${from}\u0000${to}\u0000${origin}`;
    const seen = this.data.get(key) ?? { from, to, read: false, write: false, origin };
    this.data.set(key, { ...seen, read: seen.read || !!how.read, write: seen.write || !!how.write });
  }

  /** Compute `from` can reach store `to` over the network (readwrite unless something says more). */
  reach(from: string, to: string): void {
    if (from !== to && this.nodes.has(from) && this.nodes.has(to)) this.network.add(`${from}\u0000${to}`);
  }

  markPlumbing(resource: string, why: Plumbing): void {
    const node = this.nodeFor(resource) ?? resource;
    const set = this.plumbing.get(node) ?? new Set<Plumbing>();
    set.add(why);
    this.plumbing.set(node, set);
  }
}
