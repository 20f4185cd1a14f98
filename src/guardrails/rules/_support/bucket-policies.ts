import type { ResourceView, TemplateIndex } from '../../rule.ts';

const POLICY = 'AWS::S3::BucketPolicy';

/** How a bucket name is written: its resolved text, else the expression as written (`!Sub ${AWS::StackName}-logs`). */
function nameKey(view: ResourceView, path: string): string | undefined {
  const value = view.get(path);
  if (value.known) return typeof value.value === 'string' ? `name:${value.value}` : undefined;
  const raw = view.raw.Properties?.[path as keyof object];
  return raw === undefined ? undefined : `expr:${JSON.stringify(raw)}`;
}

/** Per index: bucket policies by the bucket name they give (`Bucket: my-bucket`, `Bucket: !Sub ...`). */
const byName = new WeakMap<TemplateIndex, Map<string, ResourceView[]>>();

function policiesByName(index: TemplateIndex): Map<string, ResourceView[]> {
  let map = byName.get(index);
  if (map === undefined) {
    map = new Map();
    for (const policy of index.byType(POLICY)) {
      const key = nameKey(policy, 'Bucket');
      if (key === undefined) continue;
      const list = map.get(key);
      if (list) list.push(policy);
      else map.set(key, [policy]);
    }
    byName.set(index, map);
  }
  return map;
}

/**
 * The bucket policies of a bucket: those that reference it (`!Ref Bucket`, `${Bucket}`) and those that give
 * its name the way the bucket does (the literal name, or the same `!Sub` expression).
 */
export function bucketPoliciesOf(bucket: ResourceView, index: TemplateIndex): ResourceView[] {
  const found = index.referencedBy(bucket.logicalId).filter((r) => r.type === POLICY);
  const key = nameKey(bucket, 'BucketName');
  for (const policy of key === undefined ? [] : (policiesByName(index).get(key) ?? [])) {
    if (!found.includes(policy)) found.push(policy);
  }
  return found;
}
