import type { EntityInput, EntityResolver } from './resolve-entities.ts';

/** "one worker per queue": the first is one per member of the second's group. */
export function linkPerItem(resolver: EntityResolver, input: EntityInput): void {
  input.mentions.forEach((mentions, s) => {
    const tokens = input.sentences[s]!.tokens;
    for (const m of mentions) {
      if (tokens[m.end]?.w !== 'per' && !(tokens[m.end]?.w === 'for' && tokens[m.end + 1]?.w === 'each'))
        continue;
      const next = mentions.find((x) => x.start > m.end && x.start <= m.end + 3 && x.type === 'component');
      const item = resolver.of.get(m)?.[0];
      if (!next && item && !item.existing && tokens[m.end]?.w === 'per') {
        // "a DynamoDB table per tenant": how many is not known yet
        const what = tokens[m.end + 1]?.w ?? 'item';
        resolver.questions.push(
          `How many ${what}s are there? I made one ${item.kind.replace('_', ' ')} for now; tell me the ${what}s and I will make one each.`,
        );
        continue;
      }
      let group = next ? resolver.of.get(next)?.[0] : undefined;
      if (!item || !group || item.existing || item === group) continue;
      if (group.existing) {
        // "add one worker per queue" over the queues that exist
        const members = resolver.entities.filter((e) => e.existing && e.kind === group!.kind);
        if (members.length < 2) continue;
        group = resolver.make(group.kind, [], { members, count: members.length });
      }
      item.count = group.count;
      item.perItemOf = group;
    }
  });
}
