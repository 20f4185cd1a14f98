import type { Node as YamlNode } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { assertTemplateShape } from './assert-template-shape.ts';
import { jsonLocator } from './json-locator.ts';
import { findRainMarker } from './rain-source.ts';
import { unescapePointerSegment } from './json-pointer.ts';
import { setOwn } from './set-own.ts';
import type { CfnTemplate } from './cfn-template.ts';
import { longFormOf, toLongForm } from './short-form-tags.ts';
import type { TextLocation } from './template-parse-error.ts';
import { TemplateParseError } from './template-parse-error.ts';

/** A parsed template together with the means to map a JSON pointer back to its line and column. */
export interface TemplateSource {
  readonly template: CfnTemplate;
  readonly text: string;
  /** Line/column of the value at a JSON pointer (or of its deepest existing ancestor). */
  locate(pointer: string): TextLocation | undefined;
}

const STANDARD_TAG = /^tag:yaml\.org,2002:/;

/**
 * CloudFormation reads YAML as YAML 1.1, where an unquoted yes/no/on/off is a boolean (`PubliclyAccessible: No`
 * is false, a tag `Value: NO` becomes "false"); the `yaml` package reads YAML 1.2, where they are strings.
 * Single letters (`AttributeType: N`) stay strings, as CloudFormation keeps them.
 */
const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map(
  ['yes', 'Yes', 'YES', 'on', 'On', 'ON']
    .map((word): [string, boolean] => [word, true])
    .concat(['no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word): [string, boolean] => [word, false])),
);

function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

class YamlReader {
  private budget: number;
  constructor(
    private readonly doc: ReturnType<typeof parseDocument>,
    private readonly lines: LineCounter,
    textLength: number,
  ) {
    // Without aliases a document cannot hold more nodes than characters; aliases may not blow that up.
    this.budget = Math.max(10_000, textLength);
  }

  location(offset: number): TextLocation {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private error(message: string, node: YamlNode | null | undefined): never {
    const offset = node?.range?.[0];
    throw new TemplateParseError(message, offset === undefined ? undefined : this.location(offset));
  }

  toValue(node: unknown, depth = 0): unknown {
    if (--this.budget < 0) this.error('the template expands to too many values (alias expansion?)', null);
    if (depth > 200) this.error('the template nests deeper than 200 levels', node as YamlNode);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) this.error(`unknown alias *${node.source}`, node);
      return this.toValue(target, depth + 1);
    }
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
      if (typeof value === 'string' && value.length <= 3 && node.type === 'PLAIN' && node.tag === undefined)
        value = YAML11_BOOLEANS.get(value) ?? value;
      if (typeof value === 'bigint') value = Number(value);
      if (value instanceof Uint8Array || value instanceof Date) value = String(node.source ?? '');
    } else if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
          this.error('expected mapping keys to be plain strings', pair.key as YamlNode);
        }
        if (Object.hasOwn(out, String(key))) {
          this.error(`duplicate key "${String(key)}": mapping keys must be unique`, pair.key as YamlNode);
        }
        setOwn(out, String(key), this.toValue(pair.value, depth + 1));
      }
      value = out;
    } else if (isSeq(node)) {
      value = node.items.map((item) => this.toValue(item, depth + 1));
    } else {
      this.error('unsupported YAML node', node as YamlNode);
    }
    const tag = (node as YamlNode).tag;
    if (tag !== undefined && !STANDARD_TAG.test(tag)) {
      const key = longFormOf(tag);
      if (key === undefined)
        this.error(`unknown tag ${tag}: CloudFormation has no such intrinsic`, node as YamlNode);
      return toLongForm(key, value);
    }
    return value;
  }

  /** Key → pair of a mapping, built once per mapping on first lookup (locate stays O(depth)). */
  private readonly pairIndex = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

  private pairsOf(node: { items: unknown[] }): Map<string, { key: unknown; value: unknown }> {
    let index = this.pairIndex.get(node);
    if (!index) {
      index = new Map();
      for (const p of node.items) {
        if (isPair(p) && isScalar(p.key)) {
          const key = String(p.key.value);
          if (!index.has(key)) index.set(key, p);
        }
      }
      this.pairIndex.set(node, index);
    }
    return index;
  }

  locate(pointer: string): TextLocation | undefined {
    let node: unknown = this.doc.contents;
    let offset: number | undefined = (node as YamlNode | null)?.range?.[0];
    for (const segment of decodePointer(pointer)) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(segment);
        if (!pair) break;
        offset = (pair.key as YamlNode).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!/^\d+$/.test(segment) || item === undefined) break;
        offset = (item as YamlNode).range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return offset === undefined ? undefined : this.location(offset);
  }
}

/**
 * Parse untrusted template text (JSON or YAML with CloudFormation short-form tags) into a template with
 * long-form intrinsics, keeping a way back from JSON pointers to text locations. The one helper for
 * untrusted template text. Throws TemplateParseError (with line and column) on anything unreadable.
 */
export function parseTemplateSource(text: string): TemplateSource {
  if (typeof text !== 'string') throw new TemplateParseError('expected the template as text');
  const rain = findRainMarker(text);
  if (rain) {
    throw new TemplateParseError(
      `this is a Rain source (${rain.marker}), not a CloudFormation template: package it first with \`rain pkg\` and check the packaged template`,
      { line: rain.line, column: rain.column },
    );
  }
  // JSON is parsed natively (a hundred times faster than the YAML parser); lines are located lazily.
  if (/^\s*\{/.test(text)) {
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(text);
      parsed = true;
    } catch {
      // Not strict JSON (YAML flow mapping, or broken): the YAML parser reports the location.
    }
    if (parsed) {
      let locator: ((pointer: string) => TextLocation | undefined) | undefined;
      const locate = (pointer: string) => {
        locator ??= jsonLocator(text);
        return locator(pointer);
      };
      assertTemplateShape(value, locate);
      return { template: value, text, locate };
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: true,
    // yaml's own duplicate-key check is quadratic per mapping; toValue checks in O(1) per key instead.
    uniqueKeys: false,
    strict: true,
  });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const message =
      first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    throw new TemplateParseError(
      `invalid template syntax: ${message}`,
      pos ? { line: pos.line, column: pos.col } : undefined,
      first,
    );
  }
  const reader = new YamlReader(doc, lines, text.length);
  if (doc.contents === null) throw new TemplateParseError('the template is empty', { line: 1, column: 1 });
  const value = reader.toValue(doc.contents);
  const locate = (pointer: string) => reader.locate(pointer);
  assertTemplateShape(value, locate);
  return { template: value, text, locate };
}
