/**
 * The property that holds a resource's physical name, per type: templates often refer to a resource by
 * writing its name again (an ARN built with `!Sub`, a state machine substitution, an environment variable)
 * instead of `!Ref`. Only component-like resources are listed; a name has to be distinctive to count
 * (template-context.ts).
 */
export const NAME_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::DynamoDB::Table': ['TableName'],
  'AWS::DynamoDB::GlobalTable': ['TableName'],
  'AWS::Serverless::SimpleTable': ['TableName'],
  'AWS::SQS::Queue': ['QueueName'],
  'AWS::SNS::Topic': ['TopicName'],
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::Lambda::Function': ['FunctionName'],
  'AWS::Serverless::Function': ['FunctionName'],
  'AWS::StepFunctions::StateMachine': ['StateMachineName'],
  'AWS::Serverless::StateMachine': ['Name'],
  'AWS::Events::EventBus': ['Name'],
  'AWS::Kinesis::Stream': ['Name'],
  'AWS::KinesisFirehose::DeliveryStream': ['DeliveryStreamName'],
  'AWS::SecretsManager::Secret': ['Name'],
  'AWS::OpenSearchService::Domain': ['DomainName'],
  'AWS::Elasticsearch::Domain': ['DomainName'],
  'AWS::ECR::Repository': ['RepositoryName'],
  'AWS::SES::EmailIdentity': ['EmailIdentity'],
  'AWS::Cognito::UserPool': ['UserPoolName'],
};
