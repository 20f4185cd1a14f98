/** A README read as prose: its title, the paragraphs before the first section, and each section's paragraphs. */
export interface MarkdownProse {
  title: string | undefined;
  intro: string[];
  /** Section heading (lower-case, without `#` and trailing punctuation) → its paragraphs. */
  sections: Map<string, string[]>;
}

/** Inline markdown to plain text: images and HTML dropped, links to their text, emphasis markers removed. */
export function plainInline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits a README into prose: code blocks, tables, images, HTML comments and badges are dropped; list items
 * are kept one per paragraph.
 */
export function markdownProse(markdown: string): MarkdownProse {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  let title: string | undefined;
  const intro: string[] = [];
  const sections = new Map<string, string[]>();
  let current: string[] = intro;
  let paragraph: string[] = [];
  let fenced = false;
  const flush = () => {
    const text = plainInline(paragraph.join(' '));
    if (text.length > 0) current.push(text);
    paragraph = [];
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const heading = /^(#{1,6})\s*(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const text = plainInline(heading[2] ?? '');
      if ((heading[1] ?? '').length === 1 && title === undefined) {
        title = text;
        current = intro;
      } else {
        const key = text.toLowerCase().replace(/[:.?!]+$/, '');
        current = sections.get(key) ?? [];
        sections.set(key, current);
      }
      continue;
    }
    if (/^\s*$/.test(line) || /^\s*\|/.test(line) || /^\s*(-{3,}|\*{3,})\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      flush();
      paragraph.push(line.replace(/^\s*([-*+]|\d+\.)\s+/, ''));
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return { title, intro, sections };
}
