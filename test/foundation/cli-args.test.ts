import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { oneOf, parseCommandArgs, parseOrReport, UsageError, wantsColor } from '../../src/cli/cli-args.ts';

const OPTIONS = { format: { type: 'string', short: 'f' }, 'no-color': { type: 'boolean' } } as const;

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('cli argument helpers', () => {
  it('parses flags and positionals', () => {
    const { values, positionals } = parseCommandArgs(['a.yaml', '-f', 'json', 'b.yaml'], OPTIONS);
    expect(values.format).toBe('json');
    expect(positionals).toEqual(['a.yaml', 'b.yaml']);
  });

  it('turns an unknown flag into a UsageError naming it', () => {
    expect(() => parseCommandArgs(['--wat'], OPTIONS)).toThrow(UsageError);
    expect(() => parseCommandArgs(['--wat'], OPTIONS)).toThrow(/--wat/);
  });

  it('accepts one of the choices and names the flag and choices otherwise', () => {
    expect(oneOf('--format', 'json', ['text', 'json'] as const)).toBe('json');
    expect(() => oneOf('--format', 'xml', ['text', 'json'] as const)).toThrow(
      '--format: expected one of text, json, got "xml"',
    );
  });

  it('colours only a terminal, and never with --no-color', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(wantsColor(tty, undefined)).toBe(true);
    expect(wantsColor(tty, true)).toBe(false);
    expect(wantsColor(new PassThrough(), undefined)).toBe(false);
  });

  it('prints a usage mistake with the usage line and passes other errors through', () => {
    const err = capture();
    const parsed = parseOrReport(err.stream, 'check', 'infra-copilot check <files...>', () =>
      oneOf('--format', 'xml', ['text'] as const),
    );
    expect(parsed).toBeUndefined();
    expect(err.text()).toBe(
      'infra-copilot check: --format: expected one of text, got "xml"\nusage: infra-copilot check <files...>\n',
    );
    expect(() =>
      parseOrReport(err.stream, 'check', 'usage', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
  });
});
