import { describe, expect, it } from 'vitest';
import { EvalFileSchema } from '../../eval/case-schema.ts';
import { cloudformationTemplates } from '../../eval/external/adapters/cloudformation-templates.ts';
import { solutionsConstructs } from '../../eval/external/adapters/solutions-constructs.ts';
import { stepFunctionsWorkflows } from '../../eval/external/adapters/step-functions-workflows.ts';
import { fixtureTrees } from './fixture-tree.ts';

/** A `${Name}` substitution placeholder as a state machine definition writes it. */
const placeholder = (name: string) => `\${${name}}`;

const tree = fixtureTrees();

const SAM_FLOW = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions: { Topic: !Ref Done }
  Done: { Type: AWS::SNS::Topic }
`;
const ASL = JSON.stringify({
  StartAt: 'Tell',
  States: {
    Tell: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: { TopicArn: placeholder('Topic') },
      End: true,
    },
  },
});

describe('step-functions-workflows adapter', () => {
  it('makes one case per workflow from its metadata and template, and counts what it skips', () => {
    const dir = tree({
      // Metadata as the collection writes it, trailing comma included (read leniently).
      'notify/example-workflow.json': `{"title": "Notify", "description": "Tell people when done",
        "introBox": {"headline": "How it works", "text": ["The <b>workflow</b> publishes to an SNS topic.", "\`\`\`", "sam deploy", "\`\`\`"]},
        "gitHub": {"template": {"templateFile": "template.yaml"}},}`,
      'notify/template.yaml': SAM_FLOW,
      'notify/statemachine/flow.asl.json': ASL,
      'readme-only/README.md':
        '# Wait pattern\n\nA workflow that waits.\n\n## Requirements\n\n- an account\n\n## How it works\n\nIt publishes to a topic.\n',
      'readme-only/template.yaml': SAM_FLOW,
      'readme-only/statemachine/flow.asl.json': ASL,
      'cdk-only/example-workflow.json': '{"title": "CDK", "description": "d", "introBox": {"text": ["x"]}}',
      'cdk-only/app.ts': 'new App()',
      'broken/example-workflow.json': '{"introBox": {"text": [',
      'empty/other.txt': 'nothing',
      '_workflow_model/example-workflow.json': '{"title": "Model", "introBox": {"text": ["x"]}}',
    });
    const set = stepFunctionsWorkflows.load(dir);
    expect(EvalFileSchema.parse(set.cases)).toHaveLength(2);
    expect(set.cases.map((c) => c.id)).toEqual(['sfn-notify', 'sfn-readme-only']);
    expect(set.cases[0]?.turns).toEqual([
      'Notify\n\nTell people when done\n\nThe workflow publishes to an SNS topic.',
    ]);
    expect(set.cases[1]?.turns).toEqual([
      'Wait pattern\n\nA workflow that waits.\n\nIt publishes to a topic.',
    ]);
    expect(set.cases[0]?.expect).toEqual({
      components: [{ kind: 'topic' }, { kind: 'workflow' }],
      connections: [{ from: 'workflow', to: 'topic', access: 'publish' }],
    });
    expect(set.skipped).toEqual({
      'contributor scaffolding, not a workflow': 1,
      'no CloudFormation/SAM template (CDK, Terraform)': 1,
      'no metadata file and no README': 1,
      'unreadable metadata and no README': 1,
    });
  });
});

const snapshot = (resources: string) => JSON.stringify({ Resources: JSON.parse(resources) });

describe('solutions-constructs adapter', () => {
  it('takes the Overview as text and the snapshot that best matches the pattern name as truth', () => {
    const base = 'source/patterns/@aws-solutions-constructs';
    const dir = tree({
      [`${base}/aws-eventbridge-lambda/README.adoc`]: [
        '= aws-eventbridge-lambda',
        '',
        '== Overview',
        '',
        'This construct implements an https://aws.amazon.com/eventbridge[Amazon EventBridge] rule and an',
        '*AWS Lambda* function.',
        '',
        'Here is a minimal deployable pattern definition:',
        '',
        '----',
        'new EventbridgeToLambda(this, "x", {});',
        '----',
      ].join('\n'),
      // A schedule is the smaller test; the pattern's name says the rule listens on a bus.
      [`${base}/aws-eventbridge-lambda/test/integ.a-schedule.js.snapshot/a-schedule.template.json`]: snapshot(
        '{"Rule": {"Type": "AWS::Events::Rule", "Properties": {"ScheduleExpression": "rate(1 hour)", "Targets": [{"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}}]}}, "Fn": {"Type": "AWS::Lambda::Function"}}',
      ),
      [`${base}/aws-eventbridge-lambda/test/integ.b-bus.js.snapshot/b-bus.template.json`]: snapshot(
        '{"Bus": {"Type": "AWS::Events::EventBus"}, "Rule": {"Type": "AWS::Events::Rule", "Properties": {"EventBusName": {"Ref": "Bus"}, "EventPattern": {"source": ["x"]}, "Targets": [{"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}}]}}, "Fn": {"Type": "AWS::Lambda::Function"}}',
      ),
      [`${base}/aws-eventbridge-lambda/test/integ.b-bus.js.snapshot/bIntegDeployAssert1.template.json`]:
        snapshot('{"Assert": {"Type": "AWS::Lambda::Function"}}'),
      [`${base}/aws-iot-thing/README.adoc`]: '== Overview\n\nAn IoT rule.\n',
      [`${base}/aws-iot-thing/test/integ.x.js.snapshot/x.template.json`]: snapshot(
        '{"R": {"Type": "AWS::IoT::TopicRule"}}',
      ),
      [`${base}/aws-no-readme/test/integ.x.js.snapshot/x.template.json`]: snapshot(
        '{"Q": {"Type": "AWS::SQS::Queue"}}',
      ),
    });
    const set = solutionsConstructs.load(dir);
    expect(set.cases).toEqual([
      {
        id: 'constructs-aws-eventbridge-lambda',
        tags: ['external', 'solutions-constructs'],
        turns: ['This construct implements an Amazon EventBridge rule and an AWS Lambda function.'],
        expect: {
          components: [{ kind: 'event_bus' }, { kind: 'function' }],
          connections: [{ from: 'event_bus', to: 'function', access: 'trigger' }],
        },
      },
    ]);
    expect(set.skipped).toEqual({ 'no overview text': 1, 'nothing of our kinds in the template': 1 });
  });
});

describe('cloudformation-templates adapter', () => {
  it('takes each template once, with its Description as text', () => {
    const queue = 'Description: A queue for jobs\nResources:\n  Q: { Type: AWS::SQS::Queue }\n';
    const dir = tree({
      'SQS/queue.yaml': queue,
      'SQS/queue.json': JSON.stringify({
        Description: 'A queue for jobs',
        Resources: { Q: { Type: 'AWS::SQS::Queue' } },
      }),
      'SQS/queue-pkg.yaml': queue,
      'VPC/vpc.yaml': 'Description: Just a VPC\nResources:\n  V: { Type: AWS::EC2::VPC }\n',
      'Lambda/nodesc.yaml': 'Resources:\n  F: { Type: AWS::Lambda::Function }\n',
      'scripts/config.yml': 'rules: []\n',
    });
    const set = cloudformationTemplates.load(dir);
    expect(set.cases.map((c) => [c.id, c.turns[0], c.expect.components])).toEqual([
      ['cfn-sqs-queue', 'A queue for jobs', [{ kind: 'queue' }]],
    ]);
    expect(set.skipped).toEqual({
      'JSON copy of a YAML template': 1,
      'no Description': 1,
      'not a template': 1,
      'nothing of our kinds in the template': 1,
      'packaged copy of a template': 1,
    });
  });
});
