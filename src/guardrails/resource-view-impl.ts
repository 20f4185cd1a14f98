import { escapePointerSegment } from '../cfn/json-pointer.ts';
import { intrinsicArg, intrinsicKey } from './intrinsics/intrinsic-key.ts';
import type { IntrinsicResolver } from './intrinsics/intrinsic-resolver.ts';
import { NO_VALUE } from './intrinsics/intrinsic-resolver.ts';
import type { Resolved, ResourceView } from './rule.ts';

const ABSENT: Resolved<undefined> = { known: true, value: undefined };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list item that may turn out to be `AWS::NoValue` (and so not count as an item). */
function mayVanish(item: unknown): boolean {
  const key = intrinsicKey(item);
  return key === 'Fn::If' || (key === 'Ref' && intrinsicArg(item, key) === 'AWS::NoValue');
}

/** The resource view rules see; lookups resolve intrinsics lazily and are cached per path. */
export class ResourceViewImpl implements ResourceView {
  readonly pointer: string;
  readonly component: string | undefined;
  references: readonly string[] = [];
  private readonly properties: unknown;
  // Per-path caches, created on first use (most resources are asked few questions).
  private cache: Map<string, Resolved> | undefined;
  private nodes: Map<string, Resolved> | undefined;
  private pointers: Map<string, string> | undefined;

  constructor(
    readonly logicalId: string,
    readonly type: string,
    readonly raw: Readonly<Record<string, unknown>>,
    private readonly resolver: IntrinsicResolver,
  ) {
    this.pointer = `/Resources/${escapePointerSegment(logicalId)}`;
    this.properties = raw.Properties ?? undefined;
    const metadata = raw.Metadata;
    const component = isRecord(metadata) ? metadata['copilot:component'] : undefined;
    this.component = typeof component === 'string' ? component : undefined;
  }

  get(path: string): Resolved {
    const cached = this.cache?.get(path);
    if (cached) return cached;
    const at = this.navigate(path);
    let result: Resolved;
    if (!at.known) result = at;
    else {
      const r = this.resolver.deep(at.value);
      result = r.known && r.value === NO_VALUE ? ABSENT : r;
    }
    this.cache ??= new Map();
    this.cache.set(path, result);
    return result;
  }

  has(path: string): Resolved<boolean> {
    const at = this.navigate(path);
    if (!at.known) return at;
    if (at.value === undefined || at.value === NO_VALUE) return { known: true, value: false };
    if (!mayVanish(at.value)) return { known: true, value: true };
    const r = this.resolver.shallow(at.value);
    if (!r.known) return r;
    return { known: true, value: r.value !== undefined && r.value !== null && r.value !== NO_VALUE };
  }

  length(path: string): Resolved<number | undefined> {
    const at = this.navigate(path);
    if (!at.known) return at;
    const list = this.resolver.shallow(at.value);
    if (!list.known) return list;
    if (!Array.isArray(list.value)) return ABSENT;
    const items = this.items(list.value);
    return items.known ? { known: true, value: items.value.length } : items;
  }

  pointerOf(path: string): string {
    if (path === '') return `${this.pointer}/Properties`;
    let pointer = this.pointers?.get(path);
    if (pointer === undefined) {
      pointer = `${this.pointer}/Properties/${path.split('.').map(escapePointerSegment).join('/')}`;
      this.pointers ??= new Map();
      this.pointers.set(path, pointer);
    }
    return pointer;
  }

  /**
   * The raw value at a property path, intrinsics on the way resolved; NO_VALUE or undefined when absent.
   * Each prefix is resolved once per view and cached, so a rule walking `A`, `A.0`, `A.0.B` pays one step each.
   */
  private navigate(path: string): Resolved {
    if (path === '') return { known: true, value: this.properties };
    const cached = this.nodes?.get(path);
    if (cached) return cached;
    const dot = path.lastIndexOf('.');
    const parent =
      dot < 0 ? { known: true as const, value: this.properties } : this.navigate(path.slice(0, dot));
    const result = parent.known ? this.step(parent.value, dot < 0 ? path : path.slice(dot + 1)) : parent;
    this.nodes ??= new Map();
    this.nodes.set(path, result);
    return result;
  }

  private step(node: unknown, segment: string): Resolved {
    if (node === undefined || node === null || node === NO_VALUE) return ABSENT;
    const r = this.resolver.shallow(node);
    if (!r.known) return r;
    const value = r.value;
    if (Array.isArray(value)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || segment !== String(index)) return ABSENT;
      const items = this.items(value);
      if (!items.known) return items;
      return { known: true, value: items.value[index] };
    }
    if (isRecord(value))
      return { known: true, value: Object.hasOwn(value, segment) ? value[segment] : undefined };
    return ABSENT;
  }

  /** List items with `AWS::NoValue` ones removed; unknown when an Fn::If item cannot be decided. */
  private items(list: readonly unknown[]): Resolved<readonly unknown[]> {
    let result = this.resolver.listItems.get(list);
    if (!result) {
      result = this.itemsUncached(list);
      this.resolver.listItems.set(list, result);
    }
    return result;
  }

  private itemsUncached(list: readonly unknown[]): Resolved<readonly unknown[]> {
    if (!list.some(mayVanish)) return { known: true, value: list };
    const out: unknown[] = [];
    for (const item of list) {
      if (!mayVanish(item)) {
        out.push(item);
        continue;
      }
      const r = this.resolver.shallow(item);
      if (!r.known) return r;
      if (r.value !== NO_VALUE) out.push(r.value);
    }
    return { known: true, value: out };
  }
}
