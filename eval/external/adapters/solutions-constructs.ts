import { join } from 'node:path';
import type { EvalKind } from '../../eval-vocabulary.ts';
import type { ExternalSet, ExternalSource } from '../external-source.ts';
import { markdownProse } from '../markdown-text.ts';
import { SetBuilder } from '../set-builder.ts';
import {
  caseId,
  joinParagraphs,
  listDirectories,
  listFiles,
  readTemplate,
  readText,
} from '../source-files.ts';
import type { TemplateTruth } from '../template-truth.ts';
import { templateTruth } from '../template-truth.ts';
import { truthCase } from '../truth-case.ts';

const PATTERNS = 'source/patterns/@aws-solutions-constructs';

/**
 * The kinds a pattern's name announces (`aws-apigateway-sqs` → http_api, queue), used only to choose which
 * of the pattern's integration-test snapshots shows the pattern itself (see `chooseSnapshot`). Name parts
 * that are not our kinds (iot, sagemakerendpoint, polly, wafwebacl, …) announce nothing.
 */
const NAME_KINDS: Readonly<Record<string, readonly EvalKind[]>> = {
  alb: ['load_balancer'],
  fargate: ['container_service', 'worker'],
  lambda: ['function'],
  apigateway: ['http_api'],
  openapigateway: ['http_api'],
  dynamodb: ['kv_table'],
  dynamodbstreams: ['kv_table'],
  kinesisstreams: ['stream'],
  kinesisfirehose: ['delivery_stream'],
  s3: ['bucket'],
  sns: ['topic'],
  sqs: ['queue'],
  stepfunctions: ['workflow'],
  eventbridge: ['event_bus'],
  secretsmanager: ['secret'],
  opensearch: ['search'],
  elasticsearch: ['search'],
  elasticachememcached: ['cache'],
  cloudfront: ['cdn'],
  cognito: ['user_pool'],
  route53: ['dns'],
};

/** How well a snapshot's kinds agree with the kinds the pattern's name announces (F1 over the two lists). */
function agreement(pattern: string, truth: TemplateTruth): number {
  const announced = pattern
    .replace(/^aws-/, '')
    .split('-')
    .map((part) => NAME_KINDS[part])
    .filter((k): k is readonly EvalKind[] => k !== undefined);
  const kinds = truth.components.map((c) => c.kind);
  const unmatched = [...kinds];
  let hits = 0;
  for (const accepted of announced) {
    const at = unmatched.findIndex((k) => accepted.includes(k));
    if (at >= 0) {
      hits++;
      unmatched.splice(at, 1);
    }
  }
  const total = announced.length + kinds.length;
  return total === 0 ? 0 : (2 * hits) / total;
}

/**
 * The pattern's truth: of its integration-test snapshots (one stack template each), the one whose
 * components agree best with the pattern's name, then the one with the fewest resources, then by name.
 * Integration tests vary props (an existing bus, a schedule instead of an event pattern, a VPC); the name
 * says which variant is the pattern.
 */
function chooseSnapshot(root: string, pattern: string): { path: string; truth: TemplateTruth } | undefined {
  const test = join(root, PATTERNS, pattern, 'test');
  const templates = listFiles(
    test,
    2,
    (p) => /\.snapshot\/[^/]+\.template\.json$/.test(p) && !p.includes('DeployAssert'),
  );
  let best: { path: string; truth: TemplateTruth; score: number; size: number } | undefined;
  for (const path of templates) {
    const template = readTemplate(join(test, path));
    if (template === undefined) continue;
    const truth = templateTruth(template);
    const score = agreement(pattern, truth);
    const size = Object.keys(template.Resources).length;
    if (!best || score > best.score || (score === best.score && size < best.size))
      best = { path, truth, score, size };
  }
  return best;
}

/** AsciiDoc inline markup to plain text. */
function plainAdoc(line: string): string {
  return line
    .replace(/image:\S+\[[^\]]*\]/g, ' ')
    .replace(/\[\[[^\]]*\]\]/g, ' ')
    .replace(/<<[^,>]+,\s*([^>]+)>>/g, '$1')
    .replace(/(?:link:)?https?:\/\/\S+?\[([^\]]*)\]/g, '$1')
    .replace(/(^|\W)[*_+]([^*_+]+)[*_+](?=\W|$)/g, '$1$2');
}

/** The README's Overview section, up to the first example or literal block. */
function overview(root: string, pattern: string): string {
  const adoc = readText(join(root, PATTERNS, pattern, 'README.adoc'));
  if (adoc === undefined) {
    const md = readText(join(root, PATTERNS, pattern, 'README.md')) ?? '';
    return joinParagraphs(markdownProse(md).sections.get('overview') ?? []);
  }
  const lines = adoc.split(/\r?\n/);
  const start = lines.findIndex((l) => /^==\s+Overview\s*$/.test(l));
  if (start < 0) return '';
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^(==|====|----|\.\.\.\.|\[source)/.test(line) || /minimal deployable pattern/i.test(line)) break;
    if (line.startsWith('//')) continue;
    if (line.trim() === '') {
      paragraphs.push(current.join(' '));
      current = [];
    } else current.push(plainAdoc(line));
  }
  paragraphs.push(current.join(' '));
  return joinParagraphs(paragraphs);
}

/**
 * awslabs/aws-solutions-constructs: one case per pattern, its text the README's Overview, its truth the
 * pattern's integration-test snapshot template (chosen as `chooseSnapshot` says).
 */
export const solutionsConstructs: ExternalSource = {
  name: 'solutions-constructs',
  repo: 'awslabs/aws-solutions-constructs',
  load(root: string): ExternalSet {
    const set = new SetBuilder();
    for (const pattern of listDirectories(join(root, PATTERNS)).filter((d) => d.startsWith('aws-'))) {
      const text = overview(root, pattern);
      if (text.length === 0) {
        set.skip('no overview text');
        continue;
      }
      const snapshot = chooseSnapshot(root, pattern);
      if (snapshot === undefined) {
        set.skip('no integration-test snapshot');
        continue;
      }
      const template = readTemplate(join(root, PATTERNS, pattern, 'test', snapshot.path));
      const made = template && truthCase(this.name, caseId('constructs', pattern), text, template);
      set.add(made ?? 'unreadable template');
    }
    return set.result();
  },
};
