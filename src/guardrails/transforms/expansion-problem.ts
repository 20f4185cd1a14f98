/**
 * A part of the template a transform could not expand (a `Fn::ForEach` collection known only at deploy
 * time, a SAM property that is not modelled). The engine reports each as an `unknown` finding, so what was
 * not checked is said, never skipped in silence.
 */
export interface ExpansionProblem {
  /** JSON pointer into the template as written. */
  readonly pointer: string;
  /** The logical id concerned, when there is one. */
  readonly resource?: string;
  readonly message: string;
}
