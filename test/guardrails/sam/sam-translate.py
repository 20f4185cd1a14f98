"""Reference for test/guardrails/sam/sam-translator.test.ts: the machine's aws-sam-translator (not a project
dependency) translates a SAM template offline and prints the CloudFormation it produces as JSON.

usage: python3 sam-translate.py <template.yaml>   (AWS_DEFAULT_REGION picks the partition of managed policies)
"""
import json
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

SERVICE_ROLE = {
    "AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole", "AWSLambdaSQSQueueExecutionRole",
    "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole", "AWSLambdaMSKExecutionRole",
    "AWSLambdaENIManagementAccess", "AWSLambdaRole",
}


class ManagedPolicies(dict):
    """Every AWS managed policy name maps to its ARN (no IAM call)."""

    def __missing__(self, name):
        path = "service-role/" if name in SERVICE_ROLE else ""
        return f"arn:aws:iam::aws:policy/{path}{name}"

    def __contains__(self, name):
        return isinstance(name, str) and not name.startswith("arn:")

    def get(self, name, default=None):
        return self[name] if name in self else default


class Loader:
    def load(self):
        return ManagedPolicies()


with open(sys.argv[1], encoding="utf-8") as handle:
    template = yaml_parse(handle.read())
print(json.dumps(transform(template, {}, Loader()), default=str))
