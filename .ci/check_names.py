#!/usr/bin/env python3
"""Fails when, after the SAM transform, a resource that AWS names per account and region carries a
fixed-string physical name: a second stack (staging, a branch) in the same account and region would
then fail to deploy. Names must be left to CloudFormation or derived from the stack (DESIGN.md 8)."""
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

NAMES = {"AWS::Scheduler::Schedule": "Name", "AWS::Scheduler::ScheduleGroup": "Name", "AWS::Logs::LogGroup": "LogGroupName",
         "AWS::CloudWatch::Alarm": "AlarmName", "AWS::CloudWatch::CompositeAlarm": "AlarmName",
         "AWS::StepFunctions::StateMachine": "StateMachineName", "AWS::SQS::Queue": "QueueName",
         "AWS::SecretsManager::Secret": "Name", "AWS::DynamoDB::Table": "TableName", "AWS::Lambda::Function": "FunctionName",
         "AWS::Events::Rule": "Name", "AWS::SNS::Topic": "TopicName", "AWS::IAM::Role": "RoleName"}


class NoPolicies:
    def load(self):
        return {}


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    t = yaml_parse(open(path).read())
    # The transform wants S3 locations; the values do not matter for names.
    g = t.get("Globals", {}).get("Function", {})
    if "CodeUri" in g:
        g["CodeUri"] = "s3://bucket/functions.jar"
    for r in t.get("Resources", {}).values():
        p = r.get("Properties", {})
        if r.get("Type") == "AWS::Serverless::Function" and isinstance(p.get("CodeUri"), str):
            p["CodeUri"] = "s3://bucket/functions.jar"
        if r.get("Type") == "AWS::Serverless::StateMachine" and isinstance(p.get("DefinitionUri"), str):
            p["DefinitionUri"] = "s3://bucket/d.json"
    out = transform(t, {}, NoPolicies())
    fixed = [f"{k} ({v['Type']}: {v['Properties'][NAMES[v['Type']]]})" for k, v in out["Resources"].items()
             if v.get("Type") in NAMES and isinstance(v.get("Properties", {}).get(NAMES[v["Type"]]), str)]
    if fixed:
        print("fixed physical names after the SAM transform (derive them from the stack):\n  " + "\n  ".join(fixed))
        return 1
    print(f"{path}: no fixed physical names among {len(out['Resources'])} resources after the SAM transform")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
