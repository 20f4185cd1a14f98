import { escapePointerSegment } from '../cfn/json-pointer.ts';

/** A rule's dot path split once: the keys, list indices (-1 when a key is not one) and pointer suffix. */
export interface PathSegments {
  readonly keys: readonly string[];
  /** The canonical non-negative integer each key spells (`"0"`, `"12"`), else -1. */
  readonly indices: readonly number[];
  /** The first dot-separated part as written (`""` for a leading dot). */
  readonly first: string;
  /** The path's JSON pointer under a resource (`/Properties/A/B/0/C`), segments escaped per RFC 6901. */
  readonly underProperties: string;
}

/** Bound on the cache (paths are mostly rule constants, but list indices make some per template). */
const MAX_CACHED_PATHS = 10_000;

const cache = new Map<string, PathSegments>();

function indexOf(key: string): number {
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && key === String(n) ? n : -1;
}

function split(path: string): PathSegments {
  const parts = path.split('.');
  const underProperties = `/Properties/${parts.map(escapePointerSegment).join('/')}`;
  // A leading dot names no key (`.A` reads as `A`), as the recursive reading of parent paths always did.
  const keys = parts.length > 1 && parts[0] === '' ? parts.slice(1) : parts;
  return { keys, indices: keys.map(indexOf), first: parts[0] as string, underProperties };
}

/**
 * The segments of a non-empty dot path, shared by all resources and evaluations (the result is read-only):
 * the same few hundred paths are read on every resource of a type, so each is split once per process.
 */
export function pathSegments(path: string): PathSegments {
  let segments = cache.get(path);
  if (segments === undefined) {
    segments = split(path);
    if (cache.size >= MAX_CACHED_PATHS) cache.clear();
    cache.set(path, segments);
  }
  return segments;
}
