import type { Sentence } from '../analysis/token.ts';
import type { Entity } from '../entities/entity.ts';
import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { Mention } from '../mentions/mention.ts';
import type { LinkCollector } from '../relations/link-entities.ts';

/** "failed records backed up to S3", "an S3 backup bucket": the bucket named as where backups go. */
function namedAsBackup(tokens: Sentence['tokens'], m: Mention): boolean {
  const before = (k: number) => tokens[m.from - k]?.w;
  return (
    m.role.includes('backup') ||
    (['to', 'in', 'into'].includes(before(1) ?? '') && ['up', 'backup', 'backups'].includes(before(2) ?? ''))
  );
}

/**
 * A Firehose delivery stream keeps what it fails to deliver in a backup bucket of its own: a bucket the
 * message names only as that backup is the stream's part, not another component to wire.
 */
export function foldBackupBuckets(
  resolver: EntityResolver,
  links: LinkCollector,
  sentences: readonly Sentence[],
): void {
  const streams = resolver.entities.filter((e) => e.kind === 'delivery_stream');
  if (streams.length === 0) return;
  const elsewhere = (bucket: Entity) =>
    links.relations.some(
      (r) => (r.from === bucket || r.to === bucket) && !streams.includes(r.from) && !streams.includes(r.to),
    );
  for (const bucket of resolver.entities.filter((e) => e.kind === 'bucket' && !e.existing)) {
    if (!bucket.mentions.some((m) => namedAsBackup(sentences[m.sentence]!.tokens, m)) || elsewhere(bucket))
      continue;
    for (let k = links.relations.length - 1; k >= 0; k--) {
      const r = links.relations[k]!;
      if (r.from === bucket || r.to === bucket) links.relations.splice(k, 1);
    }
    resolver.entities.splice(resolver.entities.indexOf(bucket), 1);
    for (const m of bucket.mentions) resolver.of.set(m, [streams[0]!]);
    resolver.notes.push(
      'The delivery stream keeps the records it fails to deliver in a backup bucket of its own; I did not add another bucket.',
    );
  }
}
