import { describe, expect, it } from 'vitest';
import { EmbeddedPlanner } from '../../../src/planner/embedded/embedded-planner.ts';
import { emptyArchitecture } from '../../../src/model/architecture.ts';
import { kinds, links, play } from '../planner-conversation.ts';

describe('completion stage', () => {
  it('puts a function between a source and work only code can do', () => {
    const cron = play('a cron job every 5 minutes that reads from the orders table');
    expect(kinds(cron)).toEqual(['cron', 'function', 'kv_table']);
    expect(links(cron)).toEqual(['cron>function:trigger', 'function>kv_table:read']);
    const email = play('Send a welcome email whenever a new user row lands in the users DynamoDB table');
    expect(kinds(email)).toEqual(['email', 'function', 'kv_table']);
    expect(links(email)).toEqual(['function>email:publish', 'kv_table>function:trigger']);
  });

  it('gives an API backed by a database a handler function', () => {
    const arch = play('an API with a Postgres database and a queue for background jobs');
    expect(links(arch)).toEqual([
      'function>postgres:readwrite',
      'function>queue:publish',
      'http_api>function:route',
      'worker>queue:consume',
    ]);
  });

  it('puts a nightly Lambda on a schedule', () => {
    const arch = play('a nightly Lambda that exports the orders table to S3');
    expect(kinds(arch)).toEqual(['bucket', 'cron', 'function', 'kv_table']);
    expect(links(arch)).toContain('cron>function:trigger');
    expect(arch.components.find((c) => c.kind === 'cron')?.params.schedule).toBe('cron(0 0 * * ? *)');
  });

  it('points a domain at the only thing it can front, and folds a static site’s own CDN into it', () => {
    expect(links(play('a static website behind CloudFront at www.example.com'))).toEqual([
      'dns>static_site:route',
    ]);
  });

  it('asks one short question when a schedule has nothing to run', () => {
    const plan = new EmbeddedPlanner().planSync({
      architecture: emptyArchitecture(),
      message: 'add a cron job',
    });
    expect(plan.questions).toEqual([
      'What should the schedule run: a Lambda function, a workflow or a container task?',
    ]);
  });
});
