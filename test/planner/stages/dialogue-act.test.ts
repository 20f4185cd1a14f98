import { describe, expect, it } from 'vitest';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../../src/planner/embedded/embedded-planner.ts';
import { kinds, play } from '../planner-conversation.ts';

const planner = new EmbeddedPlanner();
const built = play('a Postgres database and a Lambda that reads it');
const intent = (message: string) => planner.planSync({ architecture: built, message, focus: ['db'] }).intent;

describe('dialogue act stage', () => {
  it('reads a question that names infrastructure and asks for it as a request', () => {
    expect(kinds(play('can we get a fargate service behind a load balancer with a postgres db?'))).toEqual([
      'container_service',
      'load_balancer',
      'postgres',
    ]);
    expect(kinds(play('could you add an SQS queue please'))).toEqual(['queue']);
    expect(kinds(play('how about a Redis cache?'))).toEqual(['cache']);
  });

  it('answers questions without changing anything', () => {
    expect(intent('why is the database encrypted?')).toBe('question');
    expect(intent('whats the monthly bill')).toBe('question');
    expect(planner.planSync({ architecture: built, message: 'whats the monthly bill' }).operations).toEqual(
      [],
    );
  });

  it('tells removal, undo, submit and small talk apart', () => {
    expect(planner.planSync({ architecture: built, message: 'remove the nightly job' }).notes).toEqual([
      'There is no nightly job to remove.',
    ]);
    expect(intent('undo that')).toBe('undo');
    expect(intent('looks good, submit it for review')).toBe('submit');
    expect(planner.planSync({ architecture: emptyArchitecture(), message: 'Hi team!' }).intent).toBe(
      'smalltalk',
    );
  });

  it('never takes a greeting for a team name', () => {
    expect(play('Hi team! we need a queue').team).toBeNull();
  });
});
