/**
 * `redactSecrets(text)`: the one function that takes secrets out of text people send (chat messages, Slack
 * events and commands) before it is stored, shown, reposted, logged or planned. Detection is the maintained
 * secretlint recommended rule set (AWS, GCP, GitHub, Slack, npm, OpenAI, Anthropic, SendGrid, Shopify,
 * Linear, 1Password, private keys, basic auth and database URLs), used as a library, plus the few chat
 * phrasings in `chat-secret-patterns.ts`. Each secret becomes `[redacted <what>]`; the rest is kept.
 */
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { CHAT_SECRET_PATTERNS } from './chat-secret-patterns.ts';

export interface RedactedText {
  text: string;
  /** What was redacted, in order of appearance (labels only, never the values). */
  redacted: string[];
}

type LintConfig = Parameters<typeof lintSource>[0]['options']['config'];

const RULE_PREFIX = '@secretlint/secretlint-rule-';

const CONFIG: LintConfig = {
  rules: [
    {
      id: `${RULE_PREFIX}preset-recommend`,
      rule: recommended,
      rules: [
        // Access key ids are not secret on their own, but nobody needs one in a chat turn.
        { id: `${RULE_PREFIX}aws`, options: { enableIDScanRule: true } },
      ],
    },
  ],
};

interface Span {
  start: number;
  end: number;
  label: string;
}

/** Characters of a token value (keys, base64, ids); punctuation around a secret is kept. */
const TOKEN_CHAR = /[A-Za-z0-9_/+=-]/;

/** secretlint reports some ranges short of the value (AWS secret keys): cover the whole token. */
function toTokenEdges(text: string, span: Span): Span {
  let { start, end } = span;
  while (start > 0 && TOKEN_CHAR.test(text[start - 1] ?? '')) start -= 1;
  while (end < text.length && TOKEN_CHAR.test(text[end] ?? '')) end += 1;
  return { start, end, label: span.label };
}

/** A message must not switch detection off: secretlint honours "secretlint-disable" comments. */
const DIRECTIVE = /secretlint-(?:disable|enable)/gi;

async function lintSpans(text: string): Promise<Span[]> {
  const result = await lintSource({
    // Same length, so the ranges still point into `text`.
    source: {
      content: text.replace(DIRECTIVE, (d) => '_'.repeat(d.length)),
      filePath: 'message.txt',
      ext: '.txt',
      contentType: 'text',
    },
    options: { config: CONFIG, noPhysicFilePath: true, maskSecrets: true },
  });
  return result.messages.map((m) =>
    toTokenEdges(text, { start: m.range[0], end: m.range[1], label: m.ruleId.replace(RULE_PREFIX, '') }),
  );
}

function patternSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { label, pattern } of CHAT_SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const secret = match.groups?.secret;
      if (secret === undefined || match.index === undefined) continue;
      const start = match.index + match[0].lastIndexOf(secret);
      spans.push({ start, end: start + secret.length, label });
    }
  }
  return spans;
}

/** Overlapping spans become one (the first one's label), in text order. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  }
  return out;
}

/** The text with every secret replaced by `[redacted <what>]`, and what was redacted. */
export async function redactSecrets(text: string): Promise<RedactedText> {
  if (text.length === 0) return { text, redacted: [] };
  const spans = merge([...(await lintSpans(text)), ...patternSpans(text)]);
  if (spans.length === 0) return { text, redacted: [] };
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += `${text.slice(at, span.start)}[redacted ${span.label}]`;
    at = span.end;
  }
  return { text: out + text.slice(at), redacted: spans.map((s) => s.label) };
}
