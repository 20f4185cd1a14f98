/**
 * A Slack job run that lost its lease (it stalled past it and another replica took the job over): it stops
 * before posting, and leaves the job to the run that holds it.
 */
export class JobTakenOverError extends Error {
  constructor(readonly jobKey: string) {
    super(`Slack job ${jobKey} was taken over by another run`);
    this.name = 'JobTakenOverError';
  }
}
