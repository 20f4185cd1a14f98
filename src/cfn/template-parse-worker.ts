/**
 * Worker-thread entry of the template parser pool (see template-parser.ts): parses one text per message with
 * the very same parseTemplateSource as the inline path, and answers with the template and the text location
 * of every value in it (locate itself cannot cross the thread boundary), or the parse error's parts.
 */
import { parentPort } from 'node:worker_threads';
import { escapePointerSegment } from './json-pointer.ts';
import { parseTemplateSource } from './parse-template-source.ts';
import { TemplateParseError } from './template-parse-error.ts';

/** What the worker answers for one job. */
export type ParseWorkerReply =
  | {
      id: number;
      ok: true;
      template: unknown;
      /** [pointer, line, column] of every value of the template. */
      locations: [string, number, number][];
    }
  | {
      id: number;
      ok: false;
      parseError?: { reason: string; line?: number; column?: number; pointer?: string };
      message: string;
    };

/** [pointer, line, column] for every value of the parsed template, in document order. */
export function locationTable(
  value: unknown,
  locate: (pointer: string) => { line: number; column: number } | undefined,
): [string, number, number][] {
  const out: [string, number, number][] = [];
  const stack: [string, unknown][] = [['', value]];
  while (stack.length > 0) {
    const [pointer, node] = stack.pop() as [string, unknown];
    const at = locate(pointer);
    if (at) out.push([pointer, at.line, at.column]);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i -= 1) stack.push([`${pointer}/${i}`, node[i]]);
    } else if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i] as string;
        stack.push([`${pointer}/${escapePointerSegment(key)}`, (node as Record<string, unknown>)[key]]);
      }
    }
  }
  return out;
}

function handle(id: number, text: string): ParseWorkerReply {
  try {
    const source = parseTemplateSource(text);
    return {
      id,
      ok: true,
      template: source.template,
      locations: locationTable(source.template, source.locate),
    };
  } catch (error) {
    if (error instanceof TemplateParseError) {
      return {
        id,
        ok: false,
        message: error.message,
        parseError: {
          reason: error.reason,
          ...(error.line !== undefined ? { line: error.line, column: error.column ?? 1 } : {}),
          ...(error.pointer !== undefined ? { pointer: error.pointer } : {}),
        },
      };
    }
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (message: { id: number; text: string }) => {
  parentPort?.postMessage(handle(message.id, message.text));
});
