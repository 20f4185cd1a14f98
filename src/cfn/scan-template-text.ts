/**
 * A cheap scan of untrusted template text before it is parsed: how deep it nests and how many values it
 * holds. The YAML parser needs seconds and a gigabyte for 100,000 nested `[` in 2 MB, and several at once
 * took a replica down; the scan answers such text with a 400 in milliseconds instead.
 *
 * Flow nesting (`[`, `{`) and values are counted with the YAML library's own lexer, the tokenizer its parser
 * uses, so quotes, comments and block scalars cannot hide brackets from it. Block nesting is bounded per line
 * by indentation plus the `- ` / `? ` indicators that open collections on the same line.
 */
import { Lexer } from 'yaml';
import { TemplateParseError } from './template-parse-error.ts';

export interface TemplateTextLimits {
  /** Deepest flow nesting (`[`/`{`) allowed; the parser refuses more than 200 levels in all anyway. */
  maxFlowDepth: number;
  /** Bound on block nesting per line: indentation columns plus collection indicators. */
  maxBlockDepth: number;
  /** Most values (scalars and collections) a text may hold. */
  maxValues: number;
}

export const TEMPLATE_TEXT_LIMITS: TemplateTextLimits = {
  maxFlowDepth: 200,
  maxBlockDepth: 400,
  maxValues: 300_000,
};

export interface TemplateTextScan {
  /** Scalars and collections in the text (what the parser will build). */
  values: number;
  flowDepth: number;
  blockDepth: number;
}

function locationOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function tooDeep(text: string, offset: number, limit: number): never {
  throw new TemplateParseError(
    `the template nests deeper than ${limit} levels; flatten it or split it into nested stacks`,
    locationOf(text, offset),
  );
}

/** Per line: indentation plus `- ` / `? ` indicators; a bound on the block nesting it opens. */
function scanBlockDepth(text: string, limit: number): number {
  let deepest = 0;
  let at = 0;
  while (at < text.length) {
    const lineStart = at;
    let depth = 0;
    while (text[at] === ' ') {
      depth += 1;
      at += 1;
    }
    while ((text[at] === '-' || text[at] === '?') && (text[at + 1] === ' ' || text[at + 1] === '\n')) {
      depth += 1;
      at += 2;
      while (text[at] === ' ') at += 1;
    }
    if (depth > limit) tooDeep(text, lineStart, limit);
    if (depth > deepest) deepest = depth;
    const next = text.indexOf('\n', at);
    at = next === -1 ? text.length : next + 1;
  }
  return deepest;
}

/** The lexer's control tokens (document start, flow end, scalar marker) are not text of the source. */
const SCALAR = '\u001f';
const CONTROL = new Set(['\u0002', '\u0018', SCALAR]);

/** Lexer tokens that start a value: the plain/block scalar marker, quoted scalars, collections. */
function isValueToken(token: string): boolean {
  const first = token[0];
  return (
    first === SCALAR || first === '"' || first === "'" || token === '{' || token === '[' || token === '-'
  );
}

/**
 * Scans template text (JSON or YAML) and throws TemplateParseError (400, with the line and column) when it
 * nests deeper or holds more values than `limits` allow; otherwise returns what it counted.
 */
export function scanTemplateText(
  text: string,
  limits: TemplateTextLimits = TEMPLATE_TEXT_LIMITS,
): TemplateTextScan {
  const blockDepth = scanBlockDepth(text, limits.maxBlockDepth);
  let values = 0;
  let flowDepth = 0;
  let deepest = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '{' || token === '[') {
      flowDepth += 1;
      if (flowDepth > limits.maxFlowDepth) tooDeep(text, offset, limits.maxFlowDepth);
      if (flowDepth > deepest) deepest = flowDepth;
    } else if (token === '}' || token === ']') {
      flowDepth = Math.max(0, flowDepth - 1);
    }
    if (isValueToken(token) && ++values > limits.maxValues) {
      throw new TemplateParseError(
        `the template has more than ${limits.maxValues.toLocaleString('en-US')} values; split it into nested stacks`,
        locationOf(text, offset),
      );
    }
    if (!CONTROL.has(token)) offset += token.length;
  }
  return { values, flowDepth: deepest, blockDepth };
}
