import { AppError } from '../errors/app-error.ts';

/** A JSON Patch operation that does not fit the document (missing parent, bad index). */
export class JsonPatchError extends AppError {
  readonly type = 'json-patch-error';
  readonly status = 422;
  readonly title = 'Patch does not apply';
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`cannot apply patch at ${path}: ${problem}`, { extensions: { path } });
    this.path = path;
  }
}
