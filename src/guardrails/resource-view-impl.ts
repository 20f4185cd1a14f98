import { escapePointerSegment } from '../cfn/json-pointer.ts';
import { intrinsicArg, intrinsicKey } from './intrinsics/intrinsic-key.ts';
import type { IntrinsicResolver } from './intrinsics/intrinsic-resolver.ts';
import { NO_VALUE } from './intrinsics/intrinsic-resolver.ts';
import { pathSegments } from './path-segments.ts';
import type { Resolved, ResourceView } from './rule.ts';

const ABSENT: Resolved<undefined> = { known: true, value: undefined };
const NO_REFERENCES: readonly string[] = Object.freeze([]);
const SET: Resolved<boolean> = { known: true, value: true };
const NOT_SET: Resolved<boolean> = { known: true, value: false };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list item that may turn out to be `AWS::NoValue` (and so not count as an item). */
function mayVanish(item: unknown): boolean {
  const key = intrinsicKey(item);
  return key === 'Fn::If' || (key === 'Ref' && intrinsicArg(item, key) === 'AWS::NoValue');
}

/**
 * The resource view rules see; lookups resolve intrinsics lazily. The view itself keeps no per-path state:
 * paths are split once per process (pathSegments) and every intrinsic resolves once per evaluation in the
 * resolver's caches (by template node), so a repeated lookup costs a few map reads and allocates nothing
 * that outlives it.
 */
export class ResourceViewImpl implements ResourceView {
  readonly pointer: string;
  readonly component: string | undefined;
  references: readonly string[] = NO_REFERENCES;
  private readonly properties: unknown;

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
    const at = this.navigate(path);
    if (!at.known) return at;
    const r = this.resolver.deep(at.value);
    return r.known && r.value === NO_VALUE ? ABSENT : r;
  }

  has(path: string): Resolved<boolean> {
    const at = this.navigate(path);
    if (!at.known) return at;
    if (at.value === undefined || at.value === NO_VALUE) return NOT_SET;
    if (!mayVanish(at.value)) return SET;
    const r = this.resolver.shallow(at.value);
    if (!r.known) return r;
    return r.value !== undefined && r.value !== null && r.value !== NO_VALUE ? SET : NOT_SET;
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
    return this.pointer + pathSegments(path).underProperties;
  }

  /**
   * The raw value at a property path, intrinsics on the way resolved; NO_VALUE or undefined when absent.
   * Absent as soon as a step meets nothing, a scalar, or a list with a key that is not an index.
   */
  private navigate(path: string): Resolved {
    if (path === '') return { known: true, value: this.properties };
    const { keys, indices } = pathSegments(path);
    let node: unknown = this.properties;
    for (let i = 0; i < keys.length; i += 1) {
      if (typeof node !== 'object' || node === null) return ABSENT;
      let value: object = node;
      if (intrinsicKey(node) !== undefined) {
        const r = this.resolver.shallow(node);
        if (!r.known) return r;
        if (typeof r.value !== 'object' || r.value === null) return ABSENT;
        value = r.value;
      }
      if (Array.isArray(value)) {
        const index = indices[i] as number;
        if (index < 0) return ABSENT;
        const items = this.items(value);
        if (!items.known) return items;
        node = items.value[index];
      } else {
        const key = keys[i] as string;
        node = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
      }
    }
    return { known: true, value: node };
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
