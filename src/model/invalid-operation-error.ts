import { AppError } from '../errors/app-error.ts';

export type InvalidOperationReason =
  | 'malformed-operation'
  | 'unknown-component'
  | 'duplicate-id'
  | 'invalid-access'
  | 'self-connection'
  | 'invalid-params'
  | 'unknown-connection';

export interface InvalidOperationDetails {
  /** Index of the failing operation in the list given to `applyOperations`. */
  operationIndex: number;
  /** The `op` of the failing operation (`add_component`, ...), when it had one. */
  op: string | undefined;
  reason: InvalidOperationReason;
  /** What would have been valid: existing ids, valid access modes, valid param names, ... */
  valid: string[];
}

/** An edit operation that cannot be applied to the architecture; says what is wrong and what would be valid. */
export class InvalidOperationError extends AppError {
  readonly type = 'invalid-operation';
  readonly status = 422;
  readonly title = 'The edit operation cannot be applied';
  readonly operationIndex: number;
  readonly op: string | undefined;
  readonly reason: InvalidOperationReason;
  readonly valid: string[];

  constructor(message: string, details: InvalidOperationDetails) {
    super(`operation ${details.operationIndex}${details.op ? ` (${details.op})` : ''}: ${message}`, {
      extensions: { ...details },
    });
    this.operationIndex = details.operationIndex;
    this.op = details.op;
    this.reason = details.reason;
    this.valid = details.valid;
  }
}
