import type { TextLocation } from '../../cfn/template-parse-error.ts';
import type { Evaluation } from '../evaluation.ts';

/** One evaluated file, as the renderers take it. */
export interface CheckedFile {
  /** Path or URI of the file as the user named it (relative paths stay relative, with `/`). */
  readonly uri: string;
  readonly evaluation: Evaluation;
  /** Text location of a JSON pointer, when the file's text is known. */
  locate?(pointer: string): TextLocation | undefined;
}
