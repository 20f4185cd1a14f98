/**
 * A small, fast YAML emitter for plain JSON data, used for the unified diff view (the `yaml` package takes
 * hundreds of milliseconds on large templates). Block style, two-space indent; a string stays plain only when
 * it cannot be read back as anything else, otherwise it is written as a JSON (= YAML double-quoted) string.
 */
export function toYaml(value: unknown): string {
  if (!isContainer(value) || isEmpty(value)) return `${scalar(value)}\n`;
  const lines: string[] = [];
  writeBlock(value, 0, lines);
  return `${lines.join('\n')}\n`;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Container): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function writeBlock(value: Container, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isContainer(item) && !isEmpty(item)) {
        const start = lines.length;
        writeBlock(item, indent + 2, lines);
        lines[start] = `${pad}- ${(lines[start] as string).slice(indent + 2)}`;
      } else {
        lines.push(`${pad}- ${scalar(item)}`);
      }
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (isContainer(item) && !isEmpty(item)) {
      lines.push(`${pad}${plainOrQuoted(key)}:`);
      writeBlock(item, indent + 2, lines);
    } else {
      lines.push(`${pad}${plainOrQuoted(key)}: ${scalar(item)}`);
    }
  }
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return plainOrQuoted(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  return JSON.stringify(String(value));
}

const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_./:${}*@+=-]*$/;
const RESERVED = /^(y|n|yes|no|true|false|on|off|null)$/i;

function plainOrQuoted(text: string): string {
  if (PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(':') && !text.includes('${')) return text;
  return JSON.stringify(text);
}
