/**
 * A small YAML emitter for CloudFormation templates: block style, short-form intrinsics (`!Ref`,
 * `!GetAtt A.B`, `!Sub`, ...), strings quoted whenever a YAML 1.1 or 1.2 reader could take them for
 * anything but a string. Written by hand because it is ~100x faster than building a YAML document.
 */

import { childContext, KeyContext, keysOf } from './key-order.ts';

const SHORT_FORMS = new Set([
  'Ref',
  'Condition',
  'Fn::And',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Equals',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::If',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Not',
  'Fn::Or',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::Transform',
]);

const RESERVED = /^(y|n|yes|no|true|false|on|off|null|~|=|<<)$/i;
const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_ ./:$@+(){}*,=<>\\^|\u00a0-\uffff-]*$/;
const PADS: string[] = [];
const padOf = (indent: number): string => (PADS[indent] ??= ' '.repeat(indent));
const DASHES: string[] = [];
const dashOf = (indent: number): string => (DASHES[indent] ??= `${' '.repeat(indent)}- `);

/** Whether a string can be written without quotes and still read back as the same string everywhere. */
function isPlainSafe(text: string): boolean {
  if (text.length === 0 || text.length > 200) return false;
  if (!PLAIN.test(text)) return false;
  if (RESERVED.test(text)) return false;
  if (text.endsWith(' ') || text.endsWith(':')) return false;
  if (text.includes(': ') || text.includes(' #')) return false;
  return true;
}

export function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const written = String(value);
  return isPlainSafe(written) ? written : JSON.stringify(written);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * True while writing a canonical copy (see `emitCanonicalYaml`): its keys already are in canonical order
 * and none is undefined, so they are taken as they are instead of being ordered again.
 */
let inOrder = false;

function keysIn(value: Record<string, unknown>, context: KeyContext): string[] {
  return inOrder ? Object.keys(value) : keysOf(value, context);
}

const scalarCache = new Map<string, string>();

function text(value: string): string {
  let found = scalarCache.get(value);
  if (found === undefined) {
    found = isPlainSafe(value) ? value : JSON.stringify(value);
    if (scalarCache.size < 50_000) scalarCache.set(value, found);
  }
  return found;
}

const headCache = new Map<string, string>();

/** `key:` for a map key, quoted when it must be (map keys repeat a lot: cached). */
function keyHead(key: string): string {
  let found = headCache.get(key);
  if (found === undefined) {
    found = `${text(key)}:`;
    if (headCache.size < 50_000) headCache.set(key, found);
  }
  return found;
}

/** `{Fn::X: arg}` written as `!X arg`, unless arg is itself a short-form intrinsic (YAML allows one tag). */
function shortForm(
  value: Record<string, unknown>,
  keys: string[],
): { tag: string; arg: unknown } | undefined {
  if (keys.length !== 1 || !SHORT_FORMS.has(keys[0]!)) return undefined;
  const key = keys[0]!;
  const arg = value[key];
  if (
    key === 'Fn::GetAtt' &&
    Array.isArray(arg) &&
    arg.length === 2 &&
    arg.every((p) => typeof p === 'string')
  ) {
    return { tag: '!GetAtt', arg: `${arg[0]}.${arg[1]}` };
  }
  if (isObject(arg) && shortForm(arg, Object.keys(arg)) !== undefined) return undefined;
  return { tag: `!${key.startsWith('Fn::') ? key.slice(4) : key}`, arg };
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? text(value) : scalar(value);
}

/**
 * Append `value` under `head` (`Key:` or `-`). `first` replaces the indentation of the first line (the
 * `- ` of a compact sequence item).
 */
function write(
  out: string[],
  indent: number,
  head: string,
  value: unknown,
  context: KeyContext = KeyContext.Value,
  first?: string,
): void {
  const lead = `${first ?? padOf(indent)}${head}`;
  let inner = value;
  let tag = '';
  if (isObject(value)) {
    const keys = Object.keys(value);
    const short = keys.length === 1 ? shortForm(value, keys) : undefined;
    if (short) {
      tag = short.tag;
      inner = short.arg;
    } else {
      const ordered = inOrder ? keys : keysOf(value, context);
      if (ordered.length === 0) {
        out.push(`${lead} {}`);
        return;
      }
      out.push(lead);
      for (let i = 0; i < ordered.length; i++) {
        const k = ordered[i]!;
        write(
          out,
          indent + 2,
          keyHead(k),
          value[k],
          context === KeyContext.Value ? KeyContext.Value : childContext(context, k),
        );
      }
      return;
    }
  }
  if (Array.isArray(inner)) {
    if (inner.length === 0) {
      out.push(`${lead} ${tag ? `${tag} ` : ''}[]`);
      return;
    }
    out.push(tag ? `${lead} ${tag}` : lead);
    for (const item of inner) writeItem(out, indent + 2, item);
    return;
  }
  if (isObject(inner)) {
    const keys = keysIn(inner, KeyContext.Value);
    if (keys.length === 0) {
      out.push(`${lead} ${tag} {}`);
      return;
    }
    out.push(`${lead} ${tag}`);
    for (const k of keys) write(out, indent + 2, keyHead(k), inner[k]);
    return;
  }
  out.push(`${lead} ${tag ? `${tag} ` : ''}${scalarText(inner)}`);
}

/** A sequence item; untagged non-empty maps and lists start on the dash line (`- Key: x`). */
function writeItem(out: string[], indent: number, item: unknown): void {
  const dash = dashOf(indent);
  if (Array.isArray(item) && item.length > 0) {
    // A list inside a list: its first item goes on this item's dash line (`- - a`).
    const start = out.length;
    for (const inner of item) writeItem(out, indent + 2, inner);
    out[start] = dash + out[start]!.slice(indent + 2);
    return;
  }
  if (isObject(item)) {
    const keys = Object.keys(item);
    if (keys.length > 0 && (keys.length !== 1 || shortForm(item, keys) === undefined)) {
      const ordered = inOrder ? keys : keysOf(item, KeyContext.Value);
      if (ordered.length > 0) {
        for (let i = 0; i < ordered.length; i++) {
          const k = ordered[i]!;
          write(out, indent + 2, keyHead(k), item[k], KeyContext.Value, i === 0 ? dash : undefined);
        }
        return;
      }
    }
  }
  write(out, indent, '-', item);
}

/** YAML text of a template (a map at the root), in canonical key order. */
export function emitYaml(root: Record<string, unknown>): string {
  const out: string[] = [];
  for (const k of keysOf(root, KeyContext.Root))
    write(out, 0, keyHead(k), root[k], childContext(KeyContext.Root, k));
  return `${out.join('\n')}\n`;
}

/**
 * `emitYaml` for a canonical copy that is plain data (`canonicalData(...).plain`): the same bytes, without
 * ordering every map's keys a second time.
 */
export function emitCanonicalYaml(copy: Record<string, unknown>): string {
  inOrder = true;
  try {
    return emitYaml(copy);
  } finally {
    inOrder = false;
  }
}
