package com.carrier.numbers.functions.lifecycle;

import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A function's policy in template.yaml, evaluated the way IAM evaluates it for the calls the
 * function makes. Resources are compared as the logical ids the template names them by
 * ({@code !GetAtt NumbersTable.Arn} is {@code NumbersTable}, {@code !Sub "${NumbersTable.Arn}/index/ByOwner"}
 * is {@code NumbersTable/index/ByOwner}); a call's resource is traced back the same way.
 *
 * <p>What IAM authorises, per call ({@link #requests}): DynamoDB has no TransactWriteItems action,
 * each element is its own PutItem / UpdateItem / DeleteItem / ConditionCheckItem on its table
 * (TransactGetItems: GetItem); a Query or Scan on an index needs the index ARN; BatchGetItem /
 * BatchWriteItem are checked on each table. Step Functions: StartExecution on the state machine,
 * execution calls on the state machine the execution belongs to, SendTaskSuccess / Failure /
 * Heartbeat on a state machine of the template (AWS evaluates them against it). SQS and Secrets
 * Manager: the action on the queue or secret. A service not mapped here needs a grant on "*",
 * which the template never gives: its first call fails the test until it is mapped.
 */
public final class IamPolicies {
    /** What IAM is asked: action (e.g. dynamodb:PutItem) on a resource (logical id, optional /index/X), and the call it came from. */
    public record Request(String action, String resource, AwsCall call) {
        public String describe() {
            return action + " on " + resource + " (" + call.describe() + ")";
        }
    }

    /** One statement: effect, actions, resources (logical ids, "/index/..." suffixes, '*' wildcards). */
    public record Statement(boolean allow, List<String> actions, List<String> resources) {
        boolean matches(Request r) {
            return actions.stream().anyMatch(a -> glob(a.toLowerCase(Locale.ROOT)).matcher(r.action().toLowerCase(Locale.ROOT)).matches())
                    && resources.stream().anyMatch(res -> glob(res).matcher(r.resource()).matches());
        }
    }

    /** A state machine resource of the template, for task-token calls that carry no ARN. */
    public static final String ANY_STATE_MACHINE = "(a state machine of the template)";

    private IamPolicies() {
    }

    /** The statements of {@code function}'s Policies: inline documents and the SAM policy templates it uses. */
    public static List<Statement> statements(SamTemplate template, SamTemplate.Function function) {
        List<Statement> out = new ArrayList<>();
        JsonNode policies = function.policies();
        if (policies.isTextual() || policies.isObject()) {
            policies = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(policies);
        }
        for (JsonNode p : policies) {
            if (p.has("Statement")) {
                for (JsonNode s : p.path("Statement")) {
                    out.add(new Statement(!"Deny".equals(s.path("Effect").asText()), texts(s.path("Action")),
                            texts(s.path("Resource")).stream().map(r -> resource(template, r)).toList()));
                }
            } else if (p.isObject() && p.size() == 1) {
                String name = p.fieldNames().next();
                out.addAll(samPolicyTemplate(template, function, name, p.path(name)));
            } else {
                throw new AssertionError(function.logicalId() + ": policy " + p + " cannot be evaluated (a managed policy name?): "
                        + "give an inline statement or a SAM policy template IamPolicies knows");
            }
        }
        return out;
    }

    /** Whether the statements allow {@code r}: an Allow matches and no Deny does. */
    public static boolean allows(List<Statement> statements, Request r) {
        if (r.resource().equals(ANY_STATE_MACHINE)) {
            return false; // resolved by the caller against every state machine of the template
        }
        return statements.stream().noneMatch(s -> !s.allow() && s.matches(r)) && statements.stream().anyMatch(s -> s.allow() && s.matches(r));
    }

    /** As {@link #allows}, trying every state machine of the template for a task-token call. */
    public static boolean allows(SamTemplate template, List<Statement> statements, Request r) {
        if (!r.resource().equals(ANY_STATE_MACHINE)) {
            return allows(statements, r);
        }
        return stateMachines(template).stream().anyMatch(sm -> allows(statements, new Request(r.action(), sm, r.call())));
    }

    /** What IAM is asked for one recorded call; {@code logicalId} traces a physical name, ARN or URL to its resource. */
    public static List<Request> requests(AwsCall call, Function<String, String> logicalId) {
        String service = call.service().toLowerCase(Locale.ROOT).replace(" ", "");
        String op = call.operation();
        List<Request> out = new ArrayList<>();
        switch (service) {
            case "dynamodb" -> {
                if (!call.items().isEmpty()) {
                    for (AwsCall.Item i : call.items()) {
                        String action = switch (i.kind()) {
                            case "Put" -> "PutItem";
                            case "Update" -> "UpdateItem";
                            case "Delete" -> "DeleteItem";
                            case "ConditionCheck" -> "ConditionCheckItem";
                            case "Get" -> "GetItem";
                            default -> op; // BatchGet / BatchWrite: the batch action on each table
                        };
                        out.add(new Request("dynamodb:" + action, traced(logicalId, i.table()), call));
                    }
                } else {
                    String table = traced(logicalId, call.fields().get("TableName"));
                    String index = call.fields().get("IndexName");
                    out.add(new Request("dynamodb:" + op, index == null ? table : table + "/index/" + index, call));
                }
            }
            case "sfn", "states" -> {
                String machine = field(call, "stateMachineArn");
                String execution = field(call, "executionArn");
                String resource;
                if (op.startsWith("SendTask")) {
                    resource = ANY_STATE_MACHINE; // a task token names no state machine
                } else if (machine == null && execution != null && execution.contains(":execution:")) {
                    // arn:...:execution:M:name is authorised as M's execution: "<M>:execution:name"
                    String machineArn = execution.replaceFirst(":execution:", ":stateMachine:");
                    machineArn = machineArn.substring(0, machineArn.lastIndexOf(':'));
                    resource = traced(logicalId, machineArn) + ":execution:" + execution.substring(execution.lastIndexOf(':') + 1);
                } else {
                    resource = traced(logicalId, machine);
                }
                out.add(new Request("states:" + op, resource, call));
            }
            // SQS has no IAM action for its batch calls: SendMessage authorises SendMessageBatch, and so on (SQS guide, batch actions)
            case "sqs" -> out.add(new Request("sqs:" + op.replaceFirst("Batch$", ""), traced(logicalId, call.fields().get("QueueUrl")), call));
            case "secretsmanager" -> out.add(new Request("secretsmanager:" + op, traced(logicalId, call.fields().get("SecretId")), call));
            default -> out.add(new Request(service + ":" + op, "(unmapped service " + call.service() + ")", call));
        }
        return out;
    }

    /** A recorded request field by its member name, whatever its case (the SDK's are lowerCamel: stateMachineArn). */
    private static String field(AwsCall call, String name) {
        return call.fields().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String traced(Function<String, String> logicalId, String physical) {
        String l = logicalId.apply(physical);
        return l == null ? "(unknown resource " + physical + ")" : l;
    }

    /**
     * A policy's Resource as the logical id it names: {@code X.Arn} (GetAtt) and {@code ${X.Arn}/rest}
     * (Sub) name X's ARN; {@code X} (Ref) names an ARN only for resources whose Ref is one (state
     * machines, secrets), not tables or queues (name, URL); '*' stays a wildcard; anything else as written.
     */
    static String resource(SamTemplate template, String text) {
        JsonNode resources = template.resources();
        var sub = java.util.regex.Pattern.compile("^\\$\\{([A-Za-z0-9]+)(\\.Arn)?}(.*)$").matcher(text);
        if (sub.matches() && resources.has(sub.group(1))) {
            boolean arn = sub.group(2) != null || refIsArn(resources.path(sub.group(1)).path("Type").asText());
            return arn ? sub.group(1) + sub.group(3) : "(Ref " + sub.group(1) + " is not an ARN)" + sub.group(3);
        }
        // arn:${AWS::Partition}:states:...:stateMachine:<Name> / :execution:<Name>:* of a machine named from the stack
        var machineArn = java.util.regex.Pattern.compile(
                "^arn:\\$\\{AWS::Partition}:states:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:(stateMachine|execution):(\\$\\{AWS::StackName}[^:]*|[^:]+)(:.*)?$").matcher(text);
        if (machineArn.matches()) {
            for (SamTemplate.StateMachine m : template.stateMachines()) {
                if (machineArn.group(2).equals(m.properties().path("Name").asText(null))) {
                    return machineArn.group(1).equals("stateMachine") ? m.logicalId()
                            : m.logicalId() + ":execution" + (machineArn.group(3) == null ? "" : machineArn.group(3));
                }
            }
        }
        if (text.endsWith(".Arn") && resources.has(text.substring(0, text.length() - 4))) {
            return text.substring(0, text.length() - 4);
        }
        if (resources.has(text)) {
            return refIsArn(resources.path(text).path("Type").asText()) ? text : "(Ref " + text + " is not an ARN)";
        }
        return text;
    }

    private static boolean refIsArn(String type) {
        return type.contains("StateMachine") || type.contains("Secret") || type.equals("AWS::SNS::Topic");
    }

    private static List<String> stateMachines(SamTemplate template) {
        List<String> out = new ArrayList<>();
        template.resources().fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().contains("StateMachine")) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** The SAM policy templates the platform may use, as the statements SAM expands them to. */
    private static List<Statement> samPolicyTemplate(SamTemplate template, SamTemplate.Function f, String name, JsonNode args) {
        String table = args.path("TableName").asText(null);
        String t = table == null ? null : template.tables().containsKey(table) ? table : "(table " + table + ")";
        return switch (name) {
            case "DynamoDBReadPolicy" -> List.of(new Statement(true,
                    List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"),
                    List.of(t, t + "/index/*")));
            case "DynamoDBWritePolicy" -> List.of(new Statement(true,
                    List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"), List.of(t, t + "/index/*")));
            case "DynamoDBCrudPolicy" -> List.of(new Statement(true,
                    List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
                            "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
                            "dynamodb:ConditionCheckItem"), List.of(t, t + "/index/*")));
            case "SQSSendMessagePolicy" -> List.of(new Statement(true, List.of("sqs:SendMessage*"),
                    List.of(named(template, args.path("QueueName").asText()))));
            case "SQSPollerPolicy" -> List.of(new Statement(true, List.of("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch",
                    "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"),
                    List.of(named(template, args.path("QueueName").asText()))));
            case "StepFunctionsExecutionPolicy" -> List.of(new Statement(true, List.of("states:StartExecution"),
                    List.of(named(template, args.path("StateMachineName").asText()))));
            case "StepFunctionsCallbackPolicy" -> List.of(new Statement(true,
                    List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"),
                    List.of(named(template, args.path("StateMachineName").asText()))));
            case "AWSSecretsManagerGetSecretValuePolicy" -> List.of(new Statement(true, List.of("secretsmanager:GetSecretValue"),
                    List.of(resource(template, args.path("SecretArn").asText()))));
            default -> throw new AssertionError(f.logicalId() + ": SAM policy template " + name + " is not known to IamPolicies: add it");
        };
    }

    /** {@code !GetAtt X.QueueName} / {@code X.Name} (a name argument of a SAM policy template) -> X. */
    private static String named(SamTemplate template, String text) {
        String logical = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        return template.resources().has(logical) ? logical : "(" + text + ")";
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(text(v)));
        } else if (!n.isMissingNode()) {
            out.add(text(n));
        }
        return out;
    }

    /** Plain text, or the long forms {"Fn::GetAtt": [X, Arn]}, {"Ref": X}, {"Fn::Sub": "..."} as their short-form text. */
    private static String text(JsonNode v) {
        if (v.has("Fn::GetAtt")) {
            JsonNode a = v.get("Fn::GetAtt");
            return a.isArray() ? a.get(0).asText() + "." + a.get(1).asText() : a.asText();
        }
        if (v.has("Ref")) {
            return v.get("Ref").asText();
        }
        if (v.has("Fn::Sub")) {
            return v.get("Fn::Sub").asText();
        }
        return v.asText();
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    /** Every (action, resource) pair a function's Allow statements grant, for listing those no call used. */
    public static List<String> grants(List<Statement> statements) {
        List<String> out = new ArrayList<>();
        for (Statement s : statements) {
            if (s.allow()) {
                for (String a : s.actions()) {
                    for (String r : s.resources()) {
                        out.add(a + " on " + r);
                    }
                }
            }
        }
        return out;
    }

    /** Whether the grant "action on resource" was used by one of {@code requests}. */
    public static boolean used(String grant, List<Request> requests) {
        String[] parts = grant.split(" on ", 2);
        Statement single = new Statement(true, List.of(parts[0]), List.of(parts[1]));
        return requests.stream().anyMatch(single::matches);
    }
}
