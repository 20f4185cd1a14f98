import { markdownProse } from '../markdown-text.ts';
import { joinParagraphs } from '../source-files.ts';

/**
 * The README sections that say what a sample deploys or how it is built, by heading (lower-case, a trailing
 * parenthesis such as "(SUT)" and trailing punctuation removed). Sections about prerequisites, building,
 * deploying, running tests, test goals, limitations, file lists and clean-up are left out.
 */
const ARCHITECTURE_SECTIONS: ReadonlySet<string> = new Set([
  'introduction',
  'overview',
  'description',
  'application description',
  'sample project description',
  'project contents',
  'about this pattern',
  'about this example',
  'system under test',
  'review the system under test',
  'architecture',
  'architecture overview',
  'topology',
  'services used',
]);

/** HTML entities READMEs write in prose, as the characters they stand for. */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rarr: '→',
  larr: '←',
  harr: '↔',
  ndash: '–',
  mdash: '—',
};

/**
 * Markdown before it is read as prose: navigation (a line that is only links to anchors of the page, as tables
 * of contents and "back to top" links are) and blockquote markers removed; when no level-1 heading names the
 * README, its first heading is taken as the title.
 */
function prepared(markdown: string): string {
  const lines = markdown
    .split(/\r?\n/)
    .filter((line) => !/^\s*(?:[-*+]|\d+\.)?\s*(?:\[+[^\]]*\]+\(#[^)]*\)\s*)+$/.test(line))
    .map((line) => line.replace(/^\s*>\s?/, ''));
  let fenced = false;
  const headings: number[] = [];
  lines.forEach((line, at) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && line.startsWith('#')) headings.push(at);
  });
  const first = headings[0];
  if (first !== undefined && !headings.some((at) => /^#(?!#)/.test(lines[at] ?? ''))) {
    lines[first] = (lines[first] ?? '').replace(/^#+/, '#');
  }
  return lines.join('\n');
}

/** A paragraph as plain text: entities decoded, inline code and single emphasis markers removed. */
function plainParagraph(paragraph: string): string {
  return paragraph
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) => {
      const code = name.startsWith('#') ? Number(name.slice(1)) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
}

/** A section's heading as `ARCHITECTURE_SECTIONS` names it: without a trailing parenthesis ("(SUT)"). */
function sectionKey(heading: string): string {
  return heading.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

/**
 * A sample README as one message: its title, the paragraphs before the first section, and the paragraphs of the
 * sections that describe what it deploys (`ARCHITECTURE_SECTIONS`), in the README's order; code blocks, tables,
 * images, HTML and navigation removed, entities decoded.
 */
export function sampleReadmeText(markdown: string): string {
  const prose = markdownProse(prepared(markdown));
  const described = [...prose.sections].filter(([heading]) => ARCHITECTURE_SECTIONS.has(sectionKey(heading)));
  const paragraphs = [...prose.intro, ...described.flatMap(([, paragraphs]) => paragraphs)];
  return joinParagraphs([prose.title, ...paragraphs].map((p) => (p === undefined ? p : plainParagraph(p))));
}
