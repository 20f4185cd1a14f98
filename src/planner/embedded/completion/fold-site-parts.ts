import type { EntityResolver } from '../entities/resolve-entities.ts';
import type { LinkCollector } from '../relations/link-entities.ts';

/**
 * A static site is a bucket behind CloudFront already: a CDN or bucket named beside it ("a static website
 * behind CloudFront", "a static site on S3") is that site's own part, not another component. Links to the
 * part (a domain pointing at the CDN) move to the site.
 */
export function foldSiteParts(resolver: EntityResolver, links: LinkCollector): void {
  const sites = resolver.entities.filter((e) => e.kind === 'static_site' && !e.existing);
  for (const site of sites) {
    // "host the single page app in a private bucket and serve it through CloudFront": the text builds the
    // site itself from a bucket and a distribution; the app is what they serve, not a third component
    const builtOfParts = links.relations.some(
      (r) => r.access === 'origin' && r.from.kind === 'cdn' && r.to.kind === 'bucket' && !r.to.existing,
    );
    if (builtOfParts && !links.relations.some((r) => r.from === site || r.to === site)) {
      resolver.entities.splice(resolver.entities.indexOf(site), 1);
      for (const m of site.mentions) resolver.of.set(m, []);
      continue;
    }
    const sentences = new Set(site.mentions.map((m) => m.sentence));
    const parts = resolver.entities.filter(
      (e) =>
        (e.kind === 'cdn' || e.kind === 'bucket') &&
        !e.existing &&
        e.mentions.some((m) => sentences.has(m.sentence)) &&
        links.relations.every(
          (r) => (r.from !== e && r.to !== e) || r.from === site || r.to === site || r.from.kind === 'dns',
        ),
    );
    for (const part of parts) {
      for (let k = links.relations.length - 1; k >= 0; k--) {
        const r = links.relations[k]!;
        if (r.from !== part && r.to !== part) continue;
        links.relations.splice(k, 1);
        if (r.from.kind === 'dns') links.add({ ...r, to: site });
      }
      resolver.entities.splice(resolver.entities.indexOf(part), 1);
      for (const m of part.mentions) resolver.of.set(m, [site]);
    }
  }
}
