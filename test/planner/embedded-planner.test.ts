import { describe, expect, it } from 'vitest';
import { emptyArchitecture } from '../../src/model/architecture.ts';
import { EmbeddedPlanner } from '../../src/planner/embedded/embedded-planner.ts';
import { parseSchedule } from '../../src/planner/embedded/params/schedule.ts';
import { correctTypo as correct } from '../../src/planner/embedded/analysis/correct-typo.ts';
import { conversation, play } from './planner-conversation.ts';

const planner = new EmbeddedPlanner();

describe('embedded planner', () => {
  it('understands the example from the design document', () => {
    const arch = play(
      'I need an API with a Postgres database and a queue for background jobs, prod, team payments',
    );
    expect(arch.team).toBe('payments');
    expect(arch.environment).toBe('prod');
    expect(arch.components.map((c) => `${c.id}:${c.kind}`).sort()).toEqual([
      'api-handler:function',
      'api:http_api',
      'db:postgres',
      'queue:queue',
      'worker:worker',
    ]);
    expect(arch.connections).toContainEqual({ from: 'worker', to: 'queue', access: 'consume' });
    expect(arch.connections).toContainEqual({ from: 'api', to: 'api-handler', access: 'route' });
  });

  it('names components after what they hold and numbers counted ones', () => {
    const arch = play('an orders database, a jobs queue and three Lambda functions');
    expect(arch.components.map((c) => c.id)).toEqual([
      'orders-db',
      'jobs-queue',
      'function-1',
      'function-2',
      'function-3',
    ]);
  });

  it('reads params with units', () => {
    const arch = play(
      'a Postgres db.r6g.large with 500 GB storage, multi-AZ, and a Python Lambda with 2 GB and a 30 second timeout',
    );
    expect(arch.components.find((c) => c.kind === 'postgres')?.params).toEqual({
      instance_class: 'db.r6g.large',
      storage_gb: 500,
      multi_az: true,
    });
    expect(arch.components.find((c) => c.kind === 'function')?.params).toEqual({
      runtime: 'python3.13',
      memory_mb: 2048,
      timeout_s: 30,
    });
  });

  it('edits what exists: references, pronouns, switches, renames and removals', () => {
    const c = conversation();
    let arch = c.say('a MySQL database with 100 GB and a Lambda that reads from it');
    arch = c.say('bump it to 500 GB');
    expect(arch.components.find((c) => c.kind === 'mysql')?.params.storage_gb).toBe(500);
    arch = c.say('switch the database to Postgres');
    expect(arch.components.map((c) => c.kind).sort()).toEqual(['function', 'postgres']);
    expect(arch.components.find((c) => c.kind === 'postgres')?.params.storage_gb).toBe(500);
    expect(arch.connections).toEqual([{ from: 'function', to: 'db', access: 'read' }]);
    arch = c.say('rename the function to reader');
    expect(arch.connections).toEqual([{ from: 'reader', to: 'db', access: 'read' }]);
    arch = c.say('remove the database');
    expect(arch.components.map((c) => c.id)).toEqual(['reader']);
    expect(arch.connections).toEqual([]);
  });

  it('tells undo, redo, questions, submit and small talk apart from edits', () => {
    const arch = emptyArchitecture();
    expect(planner.planSync({ architecture: arch, message: 'undo that' }).intent).toBe('undo');
    expect(planner.planSync({ architecture: arch, message: 'redo' }).intent).toBe('redo');
    expect(planner.planSync({ architecture: arch, message: 'why is the database multi-AZ?' }).intent).toBe(
      'question',
    );
    expect(planner.planSync({ architecture: arch, message: 'looks good, submit it for review' }).intent).toBe(
      'submit',
    );
    expect(planner.planSync({ architecture: arch, message: 'thanks!' }).intent).toBe('smalltalk');
    expect(planner.planSync({ architecture: arch, message: 'can you add a queue?' }).intent).toBe('edit');
  });

  it('leaves out what the message excludes', () => {
    const arch = play('an API with a Lambda, without a database and no cache');
    expect(arch.components.map((c) => c.kind).sort()).toEqual(['function', 'http_api']);
  });

  it('asks when a request is ambiguous and still proposes', () => {
    const plan = planner.planSync({ architecture: emptyArchitecture(), message: 'I need a database' });
    expect(plan.operations).toEqual([{ op: 'add_component', id: 'db', kind: 'postgres', params: {} }]);
    expect(plan.questions).toHaveLength(1);
    expect(plan.questions[0]).toMatch(/MySQL/);
  });

  it('corrects typos of distinctive words but not ordinary ones', () => {
    expect(correct('postgress')).toBe('postgres');
    expect(correct('kuberentes')).toBe('kubernetes');
    expect(correct('lamda')).toBe('lambda');
    expect(correct('stable')).toBeNull();
    expect(correct('research')).toBeNull();
  });

  it('turns schedule phrases into EventBridge expressions', () => {
    expect(parseSchedule('every night at 2am')).toBe('cron(0 2 * * ? *)');
    expect(parseSchedule('every 15 minutes')).toBe('rate(15 minutes)');
    expect(parseSchedule('hourly')).toBe('rate(1 hour)');
    expect(parseSchedule('every monday at 9:30pm')).toBe('cron(30 21 ? * MON *)');
    expect(parseSchedule('a queue for orders')).toBeNull();
  });

  it('only emits operations that apply to the architecture', () => {
    const messages = [
      'an API with a Lambda that writes to a DynamoDB table and publishes to an SNS topic',
      'make the table on-demand with point in time recovery',
      'add a Redis cache the Lambda reads from',
      'drop the topic',
      'a nightly job at 1am that runs the Lambda',
    ];
    expect(() => play(...messages)).not.toThrow();
  });
});
