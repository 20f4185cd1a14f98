/** A file the check could not read or parse: reported in every format, not only on stderr. */
export interface UnreadableFile {
  readonly uri: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The id reports use for files that could not be read or parsed. */
export const PARSE_ERROR_ID = 'template-parse-error';
