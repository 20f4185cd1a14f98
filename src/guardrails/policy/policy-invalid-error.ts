import { AppError } from '../../errors/app-error.ts';

/** One problem in a policy document, located in its text. */
export interface PolicyIssue {
  /** 1-based line and column in the YAML text (the nearest enclosing node when the field is missing). */
  line: number;
  column: number;
  /** Where in the document: `customRules[0].condition.and[1].equals.path`; empty for the whole document. */
  path: string;
  message: string;
  /** The file (or draft) name the text came from. */
  source: string;
}

/** A policy document that does not parse or does not validate. Carries every issue found. */
export class PolicyInvalidError extends AppError {
  readonly type = 'policy-invalid';
  readonly status = 400;
  readonly title = 'The policy document is invalid';
  readonly issues: readonly PolicyIssue[];

  constructor(issues: readonly PolicyIssue[]) {
    const first = issues[0];
    const summary = first
      ? `${first.source}:${first.line}:${first.column} ${first.path ? `${first.path}: ` : ''}${first.message}`
      : 'invalid policy';
    super(
      issues.length > 1
        ? `${summary} (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
        : summary,
      { extensions: { errors: issues } },
    );
    this.issues = issues;
  }
}
