import { Writable } from 'node:stream';

/** A writable stream that keeps what is written to it: the stdout or stderr of a CLI run in a test. */
export function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}
