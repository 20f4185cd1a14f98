/**
 * A stand-in for the CloudFormation API: a real HTTP server on 127.0.0.1 speaking the Query protocol
 * (form-encoded POST `Action=...&Version=2010-05-15`, XML responses in the 2010-05-15 namespace, ErrorResponse
 * XML for errors), so the real AWS SDK client talks to it through CFN_ENDPOINT. Stacks live in memory;
 * change sets compute a plausible change list from the templates; each test scripts how executions end.
 * CreateChangeSet takes TemplateBody (at most 51,200 bytes, like AWS) or TemplateURL (at most 1 MB), which it
 * reads with a GET, as CloudFormation reads S3 for the caller (point it at the S3 stand-in's path-style URL).
 *
 *   const cfn = await startCfnStandIn();
 *   cfn.putStack('payments-api-prod', template);
 *   cfn.scriptExecution('payments-api-prod', { kind: 'rollback', logicalId: 'Db', reason: 'quota exceeded' });
 *
 * DeleteStack moves a stack to DELETE_IN_PROGRESS, then (after `executionPolls` DescribeStacks calls) to
 * DELETE_COMPLETE: from then on the stack is gone by name ("does not exist", like AWS) while DescribeStacks
 * by its stack id still reports it as DELETE_COMPLETE.
 *   ... createCloudFormationClient({ AWS_REGION: 'us-east-1', CFN_ENDPOINT: cfn.url }, { credentials }) ...
 *   await cfn.close();
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { parseTemplateText } from '../../src/cfn/parse-template-text.ts';
import { listenOnLoopback } from './loopback-server.ts';

const NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const TEMPLATE_BODY_LIMIT = 51_200;
const TEMPLATE_URL_LIMIT = 1_048_576;

export type ExecutionScript =
  | { kind: 'succeed' }
  | { kind: 'rollback'; reason: string; logicalId?: string }
  | { kind: 'fail'; reason: string; logicalId?: string };

export interface StandInOptions {
  /** DescribeChangeSet calls a new change set stays CREATE_PENDING/IN_PROGRESS before completing; 1. */
  changeSetPolls?: number;
  /** DescribeStacks calls an execution stays *_IN_PROGRESS before its scripted end; 1. */
  executionPolls?: number;
  /** Items per page of DescribeChangeSet and DescribeStackEvents; 100. */
  pageSize?: number;
}

interface ResourceChangeRecord {
  action: 'Add' | 'Modify' | 'Remove';
  logicalId: string;
  physicalId: string | null;
  resourceType: string;
  replacement: 'True' | 'False' | 'Conditional' | null;
  scope: string[];
  details: Array<{ attribute: string; name: string | null; requiresRecreation: string }>;
}

interface ChangeSetRecord {
  id: string;
  name: string;
  stackName: string;
  type: 'CREATE' | 'UPDATE';
  clientToken: string | null;
  /** The TemplateURL the body was read from, or null for TemplateBody. */
  templateUrl: string | null;
  templateBody: string;
  template: Record<string, unknown>;
  status: string;
  executionStatus: string;
  statusReason: string | null;
  changes: ResourceChangeRecord[];
  pollsLeft: number;
  createdAt: Date;
}

interface StackEventRecord {
  eventId: string;
  logicalId: string;
  physicalId: string;
  resourceType: string;
  status: string;
  reason: string | null;
  timestamp: Date;
}

interface StackRecord {
  id: string;
  name: string;
  status: string;
  statusReason: string | null;
  templateBody: string | null;
  template: Record<string, unknown>;
  createdAt: Date;
  events: StackEventRecord[];
  pending: { changeSet: ChangeSetRecord; pollsLeft: number; script: ExecutionScript } | null;
  /** DescribeStacks calls left before a DELETE_IN_PROGRESS stack is DELETE_COMPLETE (and gone by name). */
  deletePollsLeft: number;
}

export interface RecordedCall {
  action: string;
  params: Record<string, string>;
}

export interface CfnStandIn {
  /** `http://127.0.0.1:<port>`: the CFN_ENDPOINT to give the SDK. */
  readonly url: string;
  /** Every call received, in order. */
  readonly calls: readonly RecordedCall[];
  /** Number of calls of one action. */
  count(action: string): number;
  /** A deployed stack (status CREATE_COMPLETE unless given). */
  putStack(name: string, template: Record<string, unknown> | string, status?: string): void;
  /** How the next executions on this stack end; `succeed` when not scripted. */
  scriptExecution(stackName: string, script: ExecutionScript): void;
  /** The stack as the stand-in holds it (status, template text), or undefined. */
  stack(name: string): { status: string; templateBody: string | null; events: number } | undefined;
  close(): Promise<void>;
}

class QueryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export async function startCfnStandIn(options: StandInOptions = {}): Promise<CfnStandIn> {
  const stacks = new Map<string, StackRecord>();
  /** Deleted stacks by stack id: AWS still describes them by id (DELETE_COMPLETE), not by name. */
  const deleted = new Map<string, StackRecord>();
  const changeSets = new Map<string, ChangeSetRecord>();
  const scripts = new Map<string, ExecutionScript>();
  const calls: RecordedCall[] = [];
  const changeSetPolls = options.changeSetPolls ?? 1;
  const executionPolls = options.executionPolls ?? 1;
  const pageSize = options.pageSize ?? 100;
  let clock = Date.now();
  const tick = (): Date => {
    clock = Math.max(clock + 1, Date.now());
    return new Date(clock);
  };

  const stackArn = (name: string) =>
    `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/${randomUUID()}`;
  const findStack = (nameOrId: string): StackRecord | undefined =>
    stacks.get(nameOrId) ?? [...stacks.values()].find((s) => s.id === nameOrId);
  const requireStack = (nameOrId: string | undefined, withDeleted = false): StackRecord => {
    const stack =
      nameOrId === undefined
        ? undefined
        : (findStack(nameOrId) ?? (withDeleted ? deleted.get(nameOrId) : undefined));
    if (!stack) throw new QueryError('ValidationError', `Stack with id ${nameOrId ?? ''} does not exist`);
    return stack;
  };
  const findChangeSet = (name: string | undefined, stackName: string | undefined): ChangeSetRecord => {
    const byId = name ? changeSets.get(name) : undefined;
    const stack = stackName ? findStack(stackName) : undefined;
    const found =
      byId ??
      [...changeSets.values()].find((c) => c.name === name && (stack ? c.stackName === stack.name : true));
    if (!found) throw new QueryError('ChangeSetNotFound', `ChangeSet [${name ?? ''}] does not exist`, 404);
    return found;
  };
  const addEvent = (
    stack: StackRecord,
    logicalId: string,
    type: string,
    status: string,
    reason: string | null,
  ) => {
    stack.events.push({
      eventId: randomUUID(),
      logicalId,
      physicalId: logicalId === stack.name ? stack.id : `${stack.name}-${logicalId}-physical`,
      resourceType: type,
      status,
      reason,
      timestamp: tick(),
    });
  };

  function parseTemplate(body: string): Record<string, unknown> {
    try {
      return parseTemplateText(body) as Record<string, unknown>;
    } catch (error) {
      throw new QueryError('ValidationError', `Template format error: ${(error as Error).message}`);
    }
  }

  function putStack(name: string, template: Record<string, unknown> | string, status = 'CREATE_COMPLETE') {
    const body = typeof template === 'string' ? template : JSON.stringify(template);
    const stack: StackRecord = {
      id: stackArn(name),
      name,
      status,
      statusReason: null,
      templateBody: body,
      template: parseTemplate(body),
      createdAt: tick(),
      events: [],
      pending: null,
      deletePollsLeft: 0,
    };
    addEvent(stack, name, 'AWS::CloudFormation::Stack', 'CREATE_IN_PROGRESS', 'User Initiated');
    addEvent(stack, name, 'AWS::CloudFormation::Stack', status, null);
    stacks.set(name, stack);
  }

  function computeChanges(
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): ResourceChangeRecord[] {
    const diff = fullDiff(structuredClone(before), structuredClone(after));
    const changes: ResourceChangeRecord[] = [];
    for (const logicalId of diff.resources.logicalIds) {
      const d = diff.resources.get(logicalId);
      const type = d.newResourceType ?? d.oldResourceType ?? 'Unknown';
      if (d.isAddition) {
        changes.push({
          action: 'Add',
          logicalId,
          physicalId: null,
          resourceType: type,
          replacement: null,
          scope: [],
          details: [],
        });
        continue;
      }
      const physicalId = `${logicalId}-physical`;
      if (d.isRemoval) {
        changes.push({
          action: 'Remove',
          logicalId,
          physicalId,
          resourceType: type,
          replacement: null,
          scope: [],
          details: [],
        });
        continue;
      }
      const details: ResourceChangeRecord['details'] = [];
      const scope = new Set<string>();
      for (const [name, p] of Object.entries(d.propertyUpdates)) {
        scope.add('Properties');
        const recreation =
          p.changeImpact === ResourceImpact.WILL_REPLACE
            ? 'Always'
            : p.changeImpact === ResourceImpact.MAY_REPLACE
              ? 'Conditionally'
              : 'Never';
        details.push({ attribute: 'Properties', name, requiresRecreation: recreation });
      }
      for (const name of Object.keys(d.otherChanges)) {
        scope.add(name);
        details.push({ attribute: name, name: null, requiresRecreation: 'Never' });
      }
      const replacement =
        d.resourceTypeChanged || details.some((x) => x.requiresRecreation === 'Always')
          ? 'True'
          : details.some((x) => x.requiresRecreation === 'Conditionally')
            ? 'Conditional'
            : 'False';
      changes.push({
        action: 'Modify',
        logicalId,
        physicalId,
        resourceType: type,
        replacement,
        scope: [...scope].sort(),
        details,
      });
    }
    return changes;
  }

  /** TemplateBody, or the body read from TemplateURL, with AWS's limits and messages. */
  async function templateBodyOf(p: Record<string, string>): Promise<string> {
    const inline = p.TemplateBody;
    const url = p.TemplateURL;
    if (inline !== undefined && url !== undefined)
      throw new QueryError('ValidationError', 'Specify exactly one of TemplateBody or TemplateUrl.');
    if (inline !== undefined) {
      if (Buffer.byteLength(inline, 'utf8') > TEMPLATE_BODY_LIMIT) {
        throw new QueryError(
          'ValidationError',
          `1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${TEMPLATE_BODY_LIMIT}`,
        );
      }
      return inline;
    }
    if (url === undefined)
      throw new QueryError('ValidationError', 'Either Template URL or Template Body must be specified.');
    if (!/^https?:\/\//.test(url))
      throw new QueryError('ValidationError', 'Template URL must be an Amazon S3 URL.');
    const res = await fetch(url).catch(() => null);
    if (res === null || !res.ok) {
      const reason = res?.status === 404 ? 'The specified key does not exist.' : 'Access Denied';
      throw new QueryError('ValidationError', `S3 error: ${reason}`);
    }
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > TEMPLATE_URL_LIMIT)
      throw new QueryError('ValidationError', `Template may not exceed ${TEMPLATE_URL_LIMIT} bytes in size.`);
    return body.toString('utf8');
  }

  async function createChangeSet(p: Record<string, string>): Promise<string> {
    const stackName = p.StackName;
    const name = p.ChangeSetName;
    if (!stackName || !name)
      throw new QueryError('ValidationError', 'StackName and ChangeSetName are required');
    const body = await templateBodyOf(p);
    const type = (p.ChangeSetType ?? 'UPDATE') as 'CREATE' | 'UPDATE';
    const existing = [...changeSets.values()].find((c) => c.stackName === stackName && c.name === name);
    if (existing) {
      if (existing.clientToken !== null && existing.clientToken === (p.ClientToken ?? null)) {
        return xmlResult(
          'CreateChangeSet',
          `<Id>${esc(existing.id)}</Id><StackId>${esc(requireStack(stackName).id)}</StackId>`,
        );
      }
      throw new QueryError('AlreadyExistsException', `ChangeSet ${name} already exists`);
    }
    const template = parseTemplate(body);
    const capabilities = Object.entries(p)
      .filter(([k]) => k.startsWith('Capabilities.member.'))
      .map(([, v]) => v);
    const resources = (template.Resources ?? {}) as Record<string, { Type?: string }>;
    const needsIam = Object.values(resources).some(
      (r) => typeof r?.Type === 'string' && r.Type.startsWith('AWS::IAM::'),
    );
    if (
      needsIam &&
      !capabilities.includes('CAPABILITY_IAM') &&
      !capabilities.includes('CAPABILITY_NAMED_IAM')
    ) {
      throw new QueryError('InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]');
    }
    let stack = findStack(stackName);
    if (type === 'UPDATE') {
      if (!stack || stack.status === 'REVIEW_IN_PROGRESS') {
        throw new QueryError('ValidationError', `Stack [${stackName}] does not exist`);
      }
      if (stack.status === 'ROLLBACK_COMPLETE') {
        throw new QueryError(
          'ValidationError',
          `Stack:${stack.id} is in ROLLBACK_COMPLETE state and can not be updated.`,
        );
      }
    } else if (stack && stack.status !== 'REVIEW_IN_PROGRESS') {
      throw new QueryError(
        'AlreadyExistsException',
        `Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`,
      );
    }
    if (!stack) {
      stack = {
        id: stackArn(stackName),
        name: stackName,
        status: 'REVIEW_IN_PROGRESS',
        statusReason: 'User Initiated',
        templateBody: null,
        template: { Resources: {} },
        createdAt: tick(),
        events: [],
        pending: null,
        deletePollsLeft: 0,
      };
      addEvent(stack, stackName, 'AWS::CloudFormation::Stack', 'REVIEW_IN_PROGRESS', 'User Initiated');
      stacks.set(stackName, stack);
    }
    if (stack.pending || stack.status === 'DELETE_IN_PROGRESS')
      throw new QueryError(
        'ValidationError',
        `Stack:${stack.id} is in ${stack.status} state and can not be updated.`,
      );
    const changes = computeChanges(stack.template, template);
    const record: ChangeSetRecord = {
      id: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:changeSet/${name}/${randomUUID()}`,
      name,
      stackName,
      type,
      clientToken: p.ClientToken ?? null,
      templateUrl: p.TemplateURL ?? null,
      templateBody: body,
      template,
      status: 'CREATE_PENDING',
      executionStatus: 'UNAVAILABLE',
      statusReason: null,
      changes,
      pollsLeft: changeSetPolls,
      createdAt: tick(),
    };
    changeSets.set(record.id, record);
    return xmlResult('CreateChangeSet', `<Id>${esc(record.id)}</Id><StackId>${esc(stack.id)}</StackId>`);
  }

  function advanceChangeSet(cs: ChangeSetRecord) {
    if (cs.status !== 'CREATE_PENDING' && cs.status !== 'CREATE_IN_PROGRESS') return;
    if (cs.pollsLeft > 0) {
      cs.pollsLeft--;
      cs.status = 'CREATE_IN_PROGRESS';
      return;
    }
    if (cs.changes.length === 0 && cs.type === 'UPDATE') {
      cs.status = 'FAILED';
      cs.statusReason =
        "The submitted information didn't contain changes. Submit different information to create a change set.";
      return;
    }
    cs.status = 'CREATE_COMPLETE';
    cs.executionStatus = 'AVAILABLE';
  }

  function describeChangeSet(p: Record<string, string>): string {
    const cs = findChangeSet(p.ChangeSetName, p.StackName);
    advanceChangeSet(cs);
    const stack = requireStack(cs.stackName);
    const start = p.NextToken ? Number(p.NextToken) : 0;
    const page = cs.changes.slice(start, start + pageSize);
    const next = start + pageSize < cs.changes.length ? `<NextToken>${start + pageSize}</NextToken>` : '';
    const changes = page
      .map(
        (c) =>
          `<member><Type>Resource</Type><ResourceChange>` +
          `<Action>${c.action}</Action><LogicalResourceId>${esc(c.logicalId)}</LogicalResourceId>` +
          (c.physicalId ? `<PhysicalResourceId>${esc(c.physicalId)}</PhysicalResourceId>` : '') +
          `<ResourceType>${esc(c.resourceType)}</ResourceType>` +
          (c.replacement ? `<Replacement>${c.replacement}</Replacement>` : '') +
          `<Scope>${c.scope.map((s) => `<member>${esc(s)}</member>`).join('')}</Scope>` +
          `<Details>${c.details
            .map(
              (d) =>
                `<member><Target><Attribute>${esc(d.attribute)}</Attribute>` +
                (d.name ? `<Name>${esc(d.name)}</Name>` : '') +
                `<RequiresRecreation>${d.requiresRecreation}</RequiresRecreation></Target>` +
                `<Evaluation>Static</Evaluation><ChangeSource>DirectModification</ChangeSource></member>`,
            )
            .join('')}</Details>` +
          `</ResourceChange></member>`,
      )
      .join('');
    return xmlResult(
      'DescribeChangeSet',
      `<ChangeSetName>${esc(cs.name)}</ChangeSetName><ChangeSetId>${esc(cs.id)}</ChangeSetId>` +
        `<StackId>${esc(stack.id)}</StackId><StackName>${esc(stack.name)}</StackName>` +
        `<CreationTime>${cs.createdAt.toISOString()}</CreationTime>` +
        `<Status>${cs.status}</Status><ExecutionStatus>${cs.executionStatus}</ExecutionStatus>` +
        (cs.statusReason ? `<StatusReason>${esc(cs.statusReason)}</StatusReason>` : '') +
        `<Capabilities><member>CAPABILITY_IAM</member><member>CAPABILITY_NAMED_IAM</member></Capabilities>` +
        `<Changes>${changes}</Changes>${next}`,
    );
  }

  function executeChangeSet(p: Record<string, string>): string {
    const cs = findChangeSet(p.ChangeSetName, p.StackName);
    if (cs.status !== 'CREATE_COMPLETE' || cs.executionStatus !== 'AVAILABLE') {
      throw new QueryError(
        'InvalidChangeSetStatus',
        `ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.executionStatus}]`,
      );
    }
    const stack = requireStack(cs.stackName);
    const creating = stack.status === 'REVIEW_IN_PROGRESS';
    stack.status = creating ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS';
    stack.statusReason = 'User Initiated';
    addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', stack.status, 'User Initiated');
    cs.executionStatus = 'EXECUTE_IN_PROGRESS';
    for (const other of changeSets.values()) {
      if (other !== cs && other.stackName === stack.name && other.executionStatus === 'AVAILABLE') {
        other.executionStatus = 'OBSOLETE';
      }
    }
    stack.pending = {
      changeSet: cs,
      pollsLeft: executionPolls,
      script: scripts.get(stack.name) ?? { kind: 'succeed' },
    };
    return xmlResult('ExecuteChangeSet', '');
  }

  function advanceStack(stack: StackRecord) {
    const pending = stack.pending;
    if (!pending) return;
    if (pending.pollsLeft > 0) {
      pending.pollsLeft--;
      return;
    }
    const { changeSet: cs, script } = pending;
    const creating = stack.status === 'CREATE_IN_PROGRESS';
    const verb = creating ? 'CREATE' : 'UPDATE';
    stack.pending = null;
    if (script.kind === 'succeed') {
      for (const c of cs.changes) {
        const status = c.action === 'Add' ? 'CREATE' : c.action === 'Remove' ? 'DELETE' : 'UPDATE';
        addEvent(stack, c.logicalId, c.resourceType, `${status}_IN_PROGRESS`, null);
        addEvent(stack, c.logicalId, c.resourceType, `${status}_COMPLETE`, null);
      }
      stack.status = `${verb}_COMPLETE`;
      stack.statusReason = null;
      stack.templateBody = cs.templateBody;
      stack.template = cs.template;
      cs.executionStatus = 'EXECUTE_COMPLETE';
      addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', stack.status, null);
      return;
    }
    const failing = script.logicalId ?? cs.changes[0]?.logicalId ?? 'Unknown';
    const failingType =
      cs.changes.find((c) => c.logicalId === failing)?.resourceType ?? 'AWS::CloudFormation::Stack';
    const failingVerb = cs.changes.find((c) => c.logicalId === failing)?.action === 'Add' ? 'CREATE' : verb;
    addEvent(stack, failing, failingType, `${failingVerb}_IN_PROGRESS`, null);
    addEvent(stack, failing, failingType, `${failingVerb}_FAILED`, script.reason);
    const summary = `The following resource(s) failed to ${verb.toLowerCase()}: [${failing}]. `;
    cs.executionStatus = 'EXECUTE_FAILED';
    // A failed creation keeps the submitted template (GetTemplate returns it); an update keeps the old one.
    if (creating) stack.templateBody = cs.templateBody;
    if (script.kind === 'rollback') {
      const rolling = creating ? 'ROLLBACK' : 'UPDATE_ROLLBACK';
      addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', `${rolling}_IN_PROGRESS`, summary);
      stack.status = `${rolling}_COMPLETE`;
      stack.statusReason = summary;
      addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', stack.status, null);
    } else {
      stack.status = creating ? 'ROLLBACK_FAILED' : 'UPDATE_ROLLBACK_FAILED';
      stack.statusReason = `${summary}${script.reason}`;
      addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', stack.status, stack.statusReason);
    }
  }

  function advanceDeletion(stack: StackRecord) {
    if (stack.status !== 'DELETE_IN_PROGRESS') return;
    if (stack.deletePollsLeft > 0) {
      stack.deletePollsLeft--;
      return;
    }
    for (const [id, cs] of changeSets) if (cs.stackName === stack.name) changeSets.delete(id);
    stack.status = 'DELETE_COMPLETE';
    stack.statusReason = null;
    addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', 'DELETE_COMPLETE', null);
    stacks.delete(stack.name);
    deleted.set(stack.id, stack);
  }

  function deleteStack(p: Record<string, string>): string {
    const stack = p.StackName === undefined ? undefined : findStack(p.StackName);
    // Deleting a stack that does not exist (or no longer does) succeeds, like AWS.
    if (!stack || stack.status === 'DELETE_IN_PROGRESS') return xmlResult('DeleteStack', '');
    if (stack.pending || (stack.status.endsWith('_IN_PROGRESS') && stack.status !== 'REVIEW_IN_PROGRESS')) {
      throw new QueryError(
        'ValidationError',
        `Stack [${stack.name}] cannot be deleted while in status ${stack.status}`,
      );
    }
    stack.status = 'DELETE_IN_PROGRESS';
    stack.statusReason = 'User Initiated';
    stack.deletePollsLeft = executionPolls;
    addEvent(stack, stack.name, 'AWS::CloudFormation::Stack', 'DELETE_IN_PROGRESS', 'User Initiated');
    return xmlResult('DeleteStack', '');
  }

  function describeStacks(p: Record<string, string>): string {
    const list = p.StackName ? [requireStack(p.StackName, true)] : [...stacks.values()];
    for (const stack of list) {
      advanceStack(stack);
      advanceDeletion(stack);
    }
    const members = list
      .map(
        (s) =>
          `<member><StackId>${esc(s.id)}</StackId><StackName>${esc(s.name)}</StackName>` +
          `<CreationTime>${s.createdAt.toISOString()}</CreationTime><StackStatus>${s.status}</StackStatus>` +
          (s.statusReason ? `<StackStatusReason>${esc(s.statusReason)}</StackStatusReason>` : '') +
          `<Capabilities><member>CAPABILITY_IAM</member></Capabilities></member>`,
      )
      .join('');
    return xmlResult('DescribeStacks', `<Stacks>${members}</Stacks>`);
  }

  function describeStackEvents(p: Record<string, string>): string {
    const stack = requireStack(p.StackName);
    const newestFirst = [...stack.events].reverse();
    const start = p.NextToken ? Number(p.NextToken) : 0;
    const page = newestFirst.slice(start, start + pageSize);
    const next = start + pageSize < newestFirst.length ? `<NextToken>${start + pageSize}</NextToken>` : '';
    const members = page
      .map(
        (e) =>
          `<member><StackId>${esc(stack.id)}</StackId><EventId>${e.eventId}</EventId><StackName>${esc(stack.name)}</StackName>` +
          `<LogicalResourceId>${esc(e.logicalId)}</LogicalResourceId><PhysicalResourceId>${esc(e.physicalId)}</PhysicalResourceId>` +
          `<ResourceType>${esc(e.resourceType)}</ResourceType><Timestamp>${e.timestamp.toISOString()}</Timestamp>` +
          `<ResourceStatus>${e.status}</ResourceStatus>` +
          (e.reason ? `<ResourceStatusReason>${esc(e.reason)}</ResourceStatusReason>` : '') +
          `</member>`,
      )
      .join('');
    return xmlResult('DescribeStackEvents', `<StackEvents>${members}</StackEvents>${next}`);
  }

  function getTemplate(p: Record<string, string>): string {
    const stack = requireStack(p.StackName);
    const body = stack.templateBody ?? '';
    return xmlResult(
      'GetTemplate',
      `<TemplateBody>${esc(body)}</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>`,
    );
  }

  function deleteChangeSet(p: Record<string, string>): string {
    const cs = findChangeSet(p.ChangeSetName, p.StackName);
    if (cs.executionStatus === 'EXECUTE_IN_PROGRESS') {
      throw new QueryError(
        'InvalidChangeSetStatus',
        `ChangeSet [${cs.id}] cannot be deleted while executing`,
      );
    }
    changeSets.delete(cs.id);
    return xmlResult('DeleteChangeSet', '');
  }

  const handlers: Record<string, (p: Record<string, string>) => string | Promise<string>> = {
    CreateChangeSet: createChangeSet,
    DeleteChangeSet: deleteChangeSet,
    DeleteStack: deleteStack,
    DescribeChangeSet: describeChangeSet,
    DescribeStackEvents: describeStackEvents,
    DescribeStacks: describeStacks,
    ExecuteChangeSet: executeChangeSet,
    GetTemplate: getTemplate,
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params[k] = v;
    const action = params.Action ?? '';
    calls.push({ action, params });
    try {
      if (req.method !== 'POST') throw new QueryError('InvalidAction', 'only POST is supported');
      const handler = handlers[action];
      if (!handler)
        throw new QueryError('InvalidAction', `The action ${action} is not valid for this web service.`);
      send(res, 200, await handler(params));
    } catch (error) {
      const e = error instanceof QueryError ? error : new QueryError('InternalFailure', String(error), 500);
      send(
        res,
        e.httpStatus,
        `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${e.httpStatus >= 500 ? 'Receiver' : 'Sender'}</Type>` +
          `<Code>${esc(e.code)}</Code><Message>${esc(e.message)}</Message></Error>` +
          `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
      );
    }
  }

  const server = await listenOnLoopback(handle);

  return {
    url: server.url,
    calls,
    count: (action) => calls.filter((c) => c.action === action).length,
    putStack,
    scriptExecution: (stackName, script) => {
      scripts.set(stackName, script);
    },
    stack: (name) => {
      const s = stacks.get(name);
      return s ? { status: s.status, templateBody: s.templateBody, events: s.events.length } : undefined;
    },
    close: server.close,
  };
}

function xmlResult(action: string, inner: string): string {
  return (
    `<${action}Response xmlns="${NAMESPACE}"><${action}Result>${inner}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  );
}

function send(res: ServerResponse, status: number, body: string) {
  res.statusCode = status;
  res.setHeader('content-type', 'text/xml');
  res.setHeader('x-amzn-requestid', randomUUID());
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}
