import type { Verdict } from './our-verdicts.ts';

/** Which reference suite an expectation comes from. */
export type ReferenceSuite = 'checkov' | 'guard';

/**
 * One thing a reference suite expects, and what we said. `subject` names the resource (`Type.LogicalId`
 * for Checkov, the test's name for Guard); a count-only expectation (a Checkov test that asserts summary
 * counts and nothing else) uses `(count)` and says per unit whether the counts agree.
 */
export interface Expectation {
  readonly suite: ReferenceSuite;
  /** The reference's id: `CKV_AWS_19`, `S3_BUCKET_VERSIONING_ENABLED`. */
  readonly id: string;
  /** The fixture file, relative to the suite's root. */
  readonly fixture: string;
  readonly subject: string;
  readonly expected: 'pass' | 'fail';
  readonly ours: Verdict;
  /** Whether we agree (a `pass` expectation agrees with our pass, a `fail` one with our fail). */
  readonly agrees: boolean;
}

export function expectation(
  fields: Omit<Expectation, 'agrees'> & { readonly agrees?: boolean },
): Expectation {
  return { ...fields, agrees: fields.agrees ?? fields.ours === fields.expected };
}

/** A fixture file we could not read, with the reason: counted and shown, never skipped silently. */
export interface FixtureProblem {
  readonly suite: ReferenceSuite;
  readonly id: string;
  readonly fixture: string;
  readonly problem: string;
}
