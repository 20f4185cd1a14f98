import type { ComponentKind } from '../../../model/kinds.ts';

/**
 * Things people name that are not components of their own. Matched like kind phrases (longest first), so
 * "Kinesis Video Streams" is not a stream and "Amazon Redshift database" is not a Postgres database.
 * - `service`: an AWS or outside service the copilot does not build; it swallows generic words beside it;
 * - `part`: a part of a kind's component, which refers to that component ("DynamoDB stream" is the table's
 *   stream, "EventBridge rule" a rule on a bus); `feature` says which part;
 * - `derived`: network, IAM and logging that the knowledge base derives, never asked of the user;
 * - `connector`: wiring between two components ("EventBridge Pipes"): a link, not a component;
 * - `unsupported`: something people ask for that the copilot cannot build yet; the reply says so.
 */
export type OtherWhat = 'service' | 'part' | 'derived' | 'connector' | 'unsupported';

export interface OtherPhrase {
  readonly words: readonly string[];
  readonly what: OtherWhat;
  /** For parts: the kind the part belongs to. */
  readonly of?: ComponentKind;
  readonly feature?: string;
  /** For unsupported things: how the reply names them. */
  readonly label?: string;
}

type Row = [phrase: string, what: OtherWhat, extra?: Partial<OtherPhrase>];

const SERVICES = `appsync|graphql|iot|iot core|iot rule|rekognition|textract|comprehend|translate|polly|transcribe|
bedrock|bedrock agent|sagemaker|lex|kendra|personalize|athena|glue|glue crawler|emr|redshift|quicksight|lake formation|
documentdb|neptune|timestream|keyspaces|qldb|msk|kafka|amazon mq|rabbitmq|activemq|aws batch|elastic beanstalk|
lightsail|amplify|codepipeline|codebuild|codecommit|codedeploy|systems manager|parameter store|ssm|ssm parameter|
aws config|guardduty|security hub|macie|inspector|cloudtrail|organizations|transfer family|datasync|storage gateway|
aws backup|pinpoint|chime|amazon connect|location service|mediaconvert|ivs|kinesis video streams|kinesis video stream|
kinesis data analytics|managed flink|flink|dax|opensearch ingestion|x ray|xray|cloudformation|sam|cdk|terraform|
third party api|external api|partner api|api call|api calls|api request|api requests|native api|native apis|
service api|service apis|aws sdk|sdk|sdk integration|sdk integrations|service integration|service integrations|web app|web application|
frontend app|mobile app|client app|twilio|stripe|slack|openai|salesforce|github|twitter|sendgrid|mailchimp|
step functions activity|aws batch job|ingestion job|evaluation job|training job|glue job|etl job|
emr job|transcription job|translation job|labeling job|inference job|customization job|cloud9|service catalog|api key|usage plan|ec2 auto scaling|cloudwatch synthetics|canary`;

const DERIVED = `event driven workflow|event driven architecture|event driven application|event driven pattern|vpc|subnet|private subnet|public subnet|security group|nat|nat gateway|internet gateway|vpc endpoint|
iam|iam role|iam policy|role|policy|execution role|kms|kms key|cmk|customer managed key|cloudwatch|cloudwatch logs|
log group|logs|cloudwatch alarm|alarm|metric|metrics|dashboard|cloudwatch dashboard|tags|stack|template`;

const ROWS: readonly Row[] = [
  ...SERVICES.split(/\s*\|\s*/).map((p): Row => [p.trim(), 'service']),
  ...DERIVED.split(/\s*\|\s*/).map((p): Row => [p.trim(), 'derived']),
  ['dynamodb stream', 'part', { of: 'kv_table', feature: 'stream' }],
  ['dynamodb streams', 'part', { of: 'kv_table', feature: 'stream' }],
  ['ddb stream', 'part', { of: 'kv_table', feature: 'stream' }],
  ['table stream', 'part', { of: 'kv_table', feature: 'stream' }],
  ['change data capture', 'part', { of: 'kv_table', feature: 'stream' }],
  ['s3 event', 'part', { of: 'bucket', feature: 'events' }],
  ['s3 event notification', 'part', { of: 'bucket', feature: 'events' }],
  ['s3 notification', 'part', { of: 'bucket', feature: 'events' }],
  ['event notification', 'part', { of: 'bucket', feature: 'events' }],
  ['bucket notification', 'part', { of: 'bucket', feature: 'events' }],
  ['eventbridge rule', 'part', { of: 'event_bus', feature: 'rule' }],
  ['event bridge rule', 'part', { of: 'event_bus', feature: 'rule' }],
  ['event rule', 'part', { of: 'event_bus', feature: 'rule' }],
  ['cloudwatch event rule', 'part', { of: 'event_bus', feature: 'rule' }],
  ['cloudwatch events rule', 'part', { of: 'event_bus', feature: 'rule' }],
  ['rule', 'part', { of: 'event_bus', feature: 'rule' }],
  ['sns subscription', 'part', { of: 'topic', feature: 'subscription' }],
  ['subscription', 'part', { of: 'topic', feature: 'subscription' }],
  ['email subscription', 'part', { of: 'topic', feature: 'subscription' }],
  ['sms subscription', 'part', { of: 'topic', feature: 'subscription' }],
  ['lambda layer', 'part', { of: 'function', feature: 'layer' }],
  ['layer', 'part', { of: 'function', feature: 'layer' }],
  ['function url', 'part', { of: 'function', feature: 'url' }],
  ['lambda authorizer', 'part', { of: 'function', feature: 'authorizer' }],
  ['lambda destination', 'part', { of: 'function', feature: 'destination' }],
  ['data api', 'part', { of: 'postgres', feature: 'data-api' }],
  ['rds proxy', 'part', { of: 'postgres', feature: 'proxy' }],
  ['read replica', 'part', { of: 'postgres', feature: 'replica' }],
  ['api integration', 'part', { of: 'http_api', feature: 'integration' }],
  ['integration', 'part', { of: 'http_api', feature: 'integration' }],
  ['service integration', 'part', { of: 'http_api', feature: 'integration' }],
  ['stage', 'part', { of: 'http_api', feature: 'stage' }],
  ['api stage', 'part', { of: 'http_api', feature: 'stage' }],
  ['app client', 'part', { of: 'user_pool', feature: 'client' }],
  ['authorizer', 'part', { of: 'user_pool', feature: 'authorizer' }],
  ['jwt authorizer', 'part', { of: 'user_pool', feature: 'authorizer' }],
  ['pod', 'part', { of: 'k8s_cluster', feature: 'pods' }],
  ['pods', 'part', { of: 'k8s_cluster', feature: 'pods' }],
  ['task definition', 'part', { of: 'container_service', feature: 'task-definition' }],
  ['ecs cluster', 'part', { of: 'container_service', feature: 'cluster' }],
  ['fargate task', 'part', { of: 'worker', feature: 'task' }],
  ['ecs task', 'part', { of: 'worker', feature: 'task' }],
  ['listener', 'part', { of: 'load_balancer', feature: 'listener' }],
  ['target group', 'part', { of: 'load_balancer', feature: 'target-group' }],
  ['origin access control', 'part', { of: 'cdn', feature: 'oac' }],
  ['origin access identity', 'part', { of: 'cdn', feature: 'oac' }],
  ['cloudfront function', 'part', { of: 'cdn', feature: 'function' }],
  ['acm', 'part', { of: 'dns', feature: 'certificate' }],
  ['certificate', 'part', { of: 'dns', feature: 'certificate' }],
  ['tls certificate', 'part', { of: 'dns', feature: 'certificate' }],
  ['eventbridge pipe', 'connector', { feature: 'pipe' }],
  ['eventbridge pipes', 'connector', { feature: 'pipe' }],
  ['event bridge pipe', 'connector', { feature: 'pipe' }],
  ['pipe', 'connector', { feature: 'pipe' }],
  ['event source mapping', 'connector', { feature: 'esm' }],
  ['waf', 'unsupported', { label: 'a WAF (web application firewall)' }],
  ['web application firewall', 'unsupported', { label: 'a WAF (web application firewall)' }],
  ['shield', 'unsupported', { label: 'AWS Shield' }],
  ['private api', 'unsupported', { label: 'a private API (a VPC endpoint for API Gateway)' }],
  ['vpn', 'unsupported', { label: 'a VPN' }],
  ['direct connect', 'unsupported', { label: 'Direct Connect' }],
  ['transit gateway', 'unsupported', { label: 'a transit gateway' }],
  ['global accelerator', 'unsupported', { label: 'Global Accelerator' }],
];

export const OTHER_PHRASES: readonly OtherPhrase[] = ROWS.map(([phrase, what, extra]) => ({
  words: phrase.split(' '),
  what,
  ...extra,
}));
