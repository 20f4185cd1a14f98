import type { CheckedFile } from '../../guardrails/format/checked-file.ts';
import { jsonReport } from '../../guardrails/format/format-json.ts';
import { formatJunit } from '../../guardrails/format/format-junit.ts';
import { formatSarif, type SarifOptions } from '../../guardrails/format/format-sarif.ts';
import { formatText } from '../../guardrails/format/format-text.ts';
import type { UnreadableFile } from '../../guardrails/format/unreadable-file.ts';
import type { AnyRule } from '../../guardrails/rule.ts';
import type { CheckArgs } from './check-args.ts';

/** The report in the format asked for; files that could not be parsed are in every format. */
export function renderReport(
  args: Pick<CheckArgs, 'format' | 'color'>,
  files: readonly CheckedFile[],
  unreadable: readonly UnreadableFile[],
  rules: readonly AnyRule[],
  invocation: NonNullable<SarifOptions['invocation']>,
): string {
  switch (args.format) {
    case 'json':
      return `${JSON.stringify({ ...jsonReport(files), errors: unreadable }, null, 2)}\n`;
    case 'sarif':
      return formatSarif(files, rules, { unreadable, invocation });
    case 'junit':
      return formatJunit(files, unreadable);
    default: {
      const text = formatText(files, { color: args.color });
      const errors = unreadable.map(
        (f) =>
          `${f.uri}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ''}: not checked: ${f.message}`,
      );
      return errors.length > 0 ? `${text}${errors.join('\n')}\n` : text;
    }
  }
}
