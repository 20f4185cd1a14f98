// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders, not JavaScript templates
/**
 * SAM policy templates the expansion models, as data: each template's parameters (with the variable name its
 * ARN patterns use) and statements. Written from the AWS SAM policy template reference; the SAM expansion
 * test compares every entry with the output of aws-sam-translator where Python has it. A template not listed
 * here expands to a statement the guardrails read as `unknown`, never as a guess.
 */
export interface PolicyTemplate {
  /** [parameter name as written in the template, variable name in the ARN patterns]. */
  readonly params: readonly (readonly [string, string])[];
  readonly statements: readonly {
    /** As SAM writes them: a list, or one string for the few templates with a single action. */
    readonly actions: string | readonly string[];
    readonly resources: readonly string[];
    /** SAM writes `Resource` as a list even when it has one item. */
    readonly resourceList?: true;
  }[];
}

const ARN = 'arn:${AWS::Partition}';
const REGIONAL = (service: string) => `${ARN}:${service}:\${AWS::Region}:\${AWS::AccountId}`;

const BUCKET = [`${ARN}:s3:::\${bucketName}`, `${ARN}:s3:::\${bucketName}/*`];
const TABLE = [
  `${REGIONAL('dynamodb')}:table/\${tableName}`,
  `${REGIONAL('dynamodb')}:table/\${tableName}/index/*`,
];
const ssmRead = (separator: string): PolicyTemplate => ({
  params: [['ParameterName', 'parameterName']],
  statements: [
    { actions: ['ssm:DescribeParameters'], resources: ['*'] },
    {
      actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'],
      resources: [`${REGIONAL('ssm')}:parameter${separator}\${parameterName}`],
    },
  ],
});
const one = (
  param: readonly [string, string] | undefined,
  actions: string | readonly string[],
  resources: readonly string[],
): PolicyTemplate => ({ params: param ? [param] : [], statements: [{ actions, resources }] });

export const POLICY_TEMPLATES: Readonly<Record<string, PolicyTemplate>> = {
  S3ReadPolicy: one(
    ['BucketName', 'bucketName'],
    [
      's3:GetObject',
      's3:ListBucket',
      's3:GetBucketLocation',
      's3:GetObjectVersion',
      's3:GetLifecycleConfiguration',
    ],
    BUCKET,
  ),
  S3WritePolicy: one(
    ['BucketName', 'bucketName'],
    ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'],
    BUCKET,
  ),
  S3CrudPolicy: one(
    ['BucketName', 'bucketName'],
    [
      's3:GetObject',
      's3:ListBucket',
      's3:GetBucketLocation',
      's3:GetObjectVersion',
      's3:PutObject',
      's3:PutObjectAcl',
      's3:GetLifecycleConfiguration',
      's3:PutLifecycleConfiguration',
      's3:DeleteObject',
    ],
    BUCKET,
  ),
  S3FullAccessPolicy: {
    params: [['BucketName', 'bucketName']],
    statements: [
      {
        actions: [
          's3:GetObject',
          's3:GetObjectAcl',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:PutObjectAcl',
          's3:DeleteObject',
          's3:DeleteObjectTagging',
          's3:DeleteObjectVersionTagging',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [`${ARN}:s3:::\${bucketName}/*`],
        resourceList: true,
      },
      {
        actions: [
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetLifecycleConfiguration',
          's3:PutLifecycleConfiguration',
        ],
        resources: [`${ARN}:s3:::\${bucketName}`],
        resourceList: true,
      },
    ],
  },
  DynamoDBCrudPolicy: one(
    ['TableName', 'tableName'],
    [
      'dynamodb:GetItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
      'dynamodb:Scan',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:BatchGetItem',
      'dynamodb:DescribeTable',
      'dynamodb:ConditionCheckItem',
    ],
    TABLE,
  ),
  DynamoDBReadPolicy: one(
    ['TableName', 'tableName'],
    [
      'dynamodb:GetItem',
      'dynamodb:Scan',
      'dynamodb:Query',
      'dynamodb:BatchGetItem',
      'dynamodb:DescribeTable',
    ],
    TABLE,
  ),
  DynamoDBWritePolicy: one(
    ['TableName', 'tableName'],
    ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
    TABLE,
  ),
  DynamoDBReconfigurePolicy: one(
    ['TableName', 'tableName'],
    ['dynamodb:UpdateTable'],
    [`${REGIONAL('dynamodb')}:table/\${tableName}`],
  ),
  SQSSendMessagePolicy: one(
    ['QueueName', 'queueName'],
    ['sqs:SendMessage*'],
    [`${REGIONAL('sqs')}:\${queueName}`],
  ),
  SQSPollerPolicy: one(
    ['QueueName', 'queueName'],
    [
      'sqs:ChangeMessageVisibility',
      'sqs:ChangeMessageVisibilityBatch',
      'sqs:DeleteMessage',
      'sqs:DeleteMessageBatch',
      'sqs:GetQueueAttributes',
      'sqs:ReceiveMessage',
    ],
    [`${REGIONAL('sqs')}:\${queueName}`],
  ),
  SNSPublishMessagePolicy: one(
    ['TopicName', 'topicName'],
    ['sns:Publish'],
    [`${REGIONAL('sns')}:\${topicName}`],
  ),
  SNSCrudPolicy: one(
    ['TopicName', 'topicName'],
    [
      'sns:ListSubscriptionsByTopic',
      'sns:CreateTopic',
      'sns:SetTopicAttributes',
      'sns:Subscribe',
      'sns:Publish',
    ],
    [`${REGIONAL('sns')}:\${topicName}*`],
  ),
  LambdaInvokePolicy: one(
    ['FunctionName', 'functionName'],
    ['lambda:InvokeFunction'],
    [`${REGIONAL('lambda')}:function:\${functionName}*`],
  ),
  KMSDecryptPolicy: one(['KeyId', 'keyId'], 'kms:Decrypt', [`${REGIONAL('kms')}:key/\${keyId}`]),
  KMSEncryptPolicy: one(['KeyId', 'keyId'], 'kms:Encrypt', [`${REGIONAL('kms')}:key/\${keyId}`]),
  SSMParameterReadPolicy: ssmRead('/'),
  SSMParameterWithSlashPrefixReadPolicy: ssmRead(''),
  AWSSecretsManagerGetSecretValuePolicy: one(
    ['SecretArn', 'secretArn'],
    ['secretsmanager:GetSecretValue'],
    ['${secretArn}'],
  ),
  StepFunctionsExecutionPolicy: one(
    ['StateMachineName', 'stateMachineName'],
    ['states:StartExecution'],
    [`${REGIONAL('states')}:stateMachine:\${stateMachineName}`],
  ),
  EventBridgePutEventsPolicy: one(['EventBusName', 'eventBusName'], 'events:PutEvents', [
    `${REGIONAL('events')}:event-bus/\${eventBusName}`,
  ]),
  CloudWatchPutMetricPolicy: one(undefined, ['cloudwatch:PutMetricData'], ['*']),
  VPCAccessPolicy: one(
    undefined,
    [
      'ec2:CreateNetworkInterface',
      'ec2:DeleteNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DetachNetworkInterface',
    ],
    ['*'],
  ),
  KinesisStreamReadPolicy: {
    params: [['StreamName', 'streamName']],
    statements: [
      {
        actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'],
        resources: [`${REGIONAL('kinesis')}:stream/*`],
      },
      {
        actions: [
          'kinesis:DescribeStream',
          'kinesis:DescribeStreamSummary',
          'kinesis:GetRecords',
          'kinesis:GetShardIterator',
        ],
        resources: [`${REGIONAL('kinesis')}:stream/\${streamName}`],
      },
    ],
  },
  FirehoseWritePolicy: one(
    ['DeliveryStreamName', 'deliveryStreamName'],
    ['firehose:PutRecord', 'firehose:PutRecordBatch'],
    [`${REGIONAL('firehose')}:deliverystream/\${deliveryStreamName}`],
  ),
  SESCrudPolicy: one(
    ['IdentityName', 'identityName'],
    ['ses:GetIdentityVerificationAttributes', 'ses:SendEmail', 'ses:SendRawEmail', 'ses:VerifyEmailIdentity'],
    [`${REGIONAL('ses')}:identity/\${identityName}`],
  ),
  ElasticsearchHttpPostPolicy: one(
    ['DomainName', 'domainName'],
    ['es:ESHttpPost', 'es:ESHttpPut'],
    [`${REGIONAL('es')}:domain/\${domainName}/*`],
  ),
  CloudFormationDescribeStacksPolicy: one(
    undefined,
    ['cloudformation:DescribeStacks'],
    [`${REGIONAL('cloudformation')}:stack/*`],
  ),
  EC2DescribePolicy: one(undefined, ['ec2:DescribeRegions', 'ec2:DescribeInstances'], ['*']),
  AMIDescribePolicy: one(undefined, ['ec2:DescribeImages'], ['*']),
  RekognitionDetectOnlyPolicy: one(
    undefined,
    [
      'rekognition:DetectFaces',
      'rekognition:DetectLabels',
      'rekognition:DetectModerationLabels',
      'rekognition:DetectText',
    ],
    ['*'],
  ),
  TextractPolicy: one(undefined, ['textract:*'], ['*']),
};
