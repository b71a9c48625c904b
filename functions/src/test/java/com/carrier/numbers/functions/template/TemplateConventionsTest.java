package com.carrier.numbers.functions.template;

import com.carrier.numbers.template.SamTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.adapter.metrics.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What cfn-lint cannot know about template.yaml: every function runs java21 on arm64 with SnapStart
 * on published versions and JSON logs, and its IAM policy is least privilege: inline statements
 * only, named DynamoDB item actions (no wildcards, no managed or CRUD policy templates) on the
 * template's own tables and declared indexes, Query only on an index or a keyed table, no Scan.
 */
class TemplateConventionsTest {
    /** DynamoDB IAM actions a data-plane function may be granted. (TransactWriteItems is no IAM action:
     * a transaction needs the Put/Update/Delete/ConditionCheckItem permissions of its items.) */
    private static final Set<String> ITEM_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem");
    /** No function reads a whole table: every read is a key or an index (the renewal run has ByRenewal). */
    private static final Set<String> MAY_SCAN = Set.of();
    /** The one SQS action a producer needs, on one of the template's queues (consumers get SAM's poller grants). */
    private static final Set<String> QUEUE_ACTIONS = Set.of("sqs:SendMessage");
    private static final Pattern TABLE_ARN = Pattern.compile("(\\w+)\\.Arn");
    private static final Pattern INDEX_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/(\\w+)");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void globalsRunJava21OnArm64WithSnapStartAndJsonLogs() {
        JsonNode globals = template.json().path("Globals").path("Function");
        assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.path("Architectures").toString()).isEqualTo("[\"arm64\"]");
        assertThat(globals.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(globals.path("LoggingConfig").path("LogFormat").asText()).isEqualTo("JSON");
        assertThat(globals.path("CodeUri").asText()).isEqualTo("functions/target/functions.jar");
        for (SamTemplate.Function f : template.functions()) {
            assertThat(f.properties().has("Runtime") || f.properties().has("CodeUri") || f.properties().has("SnapStart"))
                    .as("%s overrides the runtime, package or SnapStart of Globals", f.logicalId()).isFalse();
            assertThat(template.resources().path(f.logicalId()).path("Metadata").path("SkipBuild").asBoolean(false))
                    .as("%s has Metadata SkipBuild (its CodeUri is the prebuilt jar)", f.logicalId()).isTrue();
        }
    }

    @Test
    void outputsGiveTheApiUrlAndTableNames() {
        JsonNode outputs = template.json().path("Outputs");
        assertThat(outputs.has("ApiUrl")).isTrue();
        for (String table : tables().keySet()) {
            assertThat(outputs.has(table + "Name")).as("output %sName", table).isTrue();
        }
    }

    @Test
    void everyFunctionHasLeastPrivilegeInlinePolicies() {
        Map<String, Set<String>> tables = tables();
        SoftAssertions soft = new SoftAssertions();
        for (SamTemplate.Function f : template.functions()) {
            JsonNode policies = f.properties().path("Policies");
            soft.assertThat(policies.isArray() && !policies.isEmpty()).as("%s has Policies", f.logicalId()).isTrue();
            for (JsonNode policy : policies) {
                if (!policy.has("Statement")) {
                    soft.fail("%s: only inline statements, found %s", f.logicalId(), policy);
                    continue;
                }
                for (JsonNode st : policy.path("Statement")) {
                    soft.assertThat(st.path("Effect").asText()).as("%s Effect", f.logicalId()).isEqualTo("Allow");
                    List<String> actions = texts(st.path("Action"));
                    List<String> resources = texts(st.path("Resource"));
                    if (actions.stream().anyMatch(a -> a.startsWith("sqs:"))) {
                        soft.assertThat(actions).as("%s queue actions", f.logicalId()).isSubsetOf(QUEUE_ACTIONS);
                        for (String r : resources) {
                            Matcher queue = TABLE_ARN.matcher(r);
                            soft.assertThat(queue.matches() && "AWS::SQS::Queue".equals(
                                    template.resources().path(queue.group(1)).path("Type").asText()))
                                    .as("%s: %s is a queue of the template", f.logicalId(), r).isTrue();
                        }
                        continue;
                    }
                    soft.assertThat(resources).as("%s resources", f.logicalId()).isNotEmpty();
                    if (actions.stream().allMatch(a -> a.startsWith("states:") || a.startsWith("secretsmanager:"))) {
                        checkWorkflowGrant(soft, f.logicalId(), actions, resources);
                        continue;
                    }
                    soft.assertThat(actions).as("%s actions", f.logicalId()).isNotEmpty().isSubsetOf(ITEM_ACTIONS);
                    if (actions.contains("dynamodb:Scan")) {
                        soft.assertThat(MAY_SCAN).as("%s Scans a whole table", f.logicalId()).contains(f.logicalId());
                    }
                    for (String r : resources) {
                        Matcher index = INDEX_ARN.matcher(r);
                        Matcher table = TABLE_ARN.matcher(r);
                        if (index.matches()) {
                            soft.assertThat(tables).as("%s: table of %s", f.logicalId(), r).containsKey(index.group(1));
                            soft.assertThat(tables.getOrDefault(index.group(1), Set.of()))
                                    .as("%s: index of %s", f.logicalId(), r).contains(index.group(2));
                            soft.assertThat(actions).as("%s: only Query on an index (%s)", f.logicalId(), r)
                                    .containsOnly("dynamodb:Query");
                        } else if (table.matches()) {
                            soft.assertThat(tables).as("%s: %s is a table of the template", f.logicalId(), r)
                                    .containsKey(table.group(1));
                        } else {
                            soft.fail("%s: resource %s is neither a table nor one of its indexes", f.logicalId(), r);
                        }
                    }
                }
            }
        }
        soft.assertAll();
    }

    /** Step Functions calls scoped to one of the template's state machines (or its executions); secrets to one secret. */
    private static final Set<String> STATES_ACTIONS = Set.of("states:StartExecution", "states:StopExecution",
            "states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat");
    private static final Pattern MACHINE = Pattern.compile(
            "(\\w+StateMachine)|arn:\\$\\{AWS::Partition}:states:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:(stateMachine|execution):\\$\\{AWS::StackName}-[a-z-]+(:\\*)?");

    private void checkWorkflowGrant(SoftAssertions soft, String function, List<String> actions, List<String> resources) {
        for (String a : actions) {
            soft.assertThat(STATES_ACTIONS.contains(a) || a.equals("secretsmanager:GetSecretValue"))
                    .as("%s: %s is a workflow or secret call it may make", function, a).isTrue();
        }
        for (String r : resources) {
            if (actions.contains("secretsmanager:GetSecretValue")) {
                soft.assertThat(r).as("%s: the one secret", function).isEqualTo("CarrierCallbackSecret");
                soft.assertThat(template.resources().path(r).path("Type").asText()).isEqualTo("AWS::SecretsManager::Secret");
                continue;
            }
            Matcher m = MACHINE.matcher(r);
            soft.assertThat(m.matches()).as("%s: %s names one state machine of the stack (no *)", function, r).isTrue();
            if (m.matches() && m.group(1) != null) {
                soft.assertThat(template.resources().path(m.group(1)).path("Type").asText()).as("%s: %s", function, r)
                        .isEqualTo("AWS::Serverless::StateMachine");
            }
            if (r.contains(":execution:")) {
                soft.assertThat(actions).as("%s: only StopExecution on executions", function).containsOnly("states:StopExecution");
            }
        }
    }

    @Test
    void theAuthorizerOnlyReadsCredentialsByKey() {
        SamTemplate.Function auth = template.functions().stream()
                .filter(f -> f.kind() == SamTemplate.Kind.AUTHORIZER).findFirst().orElseThrow();
        List<String> grants = new ArrayList<>();
        auth.properties().path("Policies").forEach(p -> p.path("Statement").forEach(st ->
                texts(st.path("Action")).forEach(a -> texts(st.path("Resource")).forEach(r -> grants.add(a + " " + r)))));
        assertThat(grants).containsExactly("dynamodb:GetItem CredentialsTable.Arn");
    }

    // ---- Production (issue 7): throttles, logs, tracing, alarms, the renewal schedule. Fixed physical names are
    // checked after the SAM transform by .ci/check_names.py (this YAML reader cannot tell !Sub from a string).

    @Test
    void theApiIsThrottledByParametersEverywhereAndHarderOnSearchAndPurchase() {
        JsonNode api = template.resources().path("HttpApi").path("Properties");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(parameterDefault(api.path("DefaultRouteSettings").path("ThrottlingRateLimit"))).as("default rate").isPositive();
        soft.assertThat(parameterDefault(api.path("DefaultRouteSettings").path("ThrottlingBurstLimit"))).as("default burst").isPositive();
        Map<String, String> routes = template.routes();
        for (String route : List.of("GET /v2/phone_numbers", "GET /v2/numbers/inventory",
                "PUT /v2/accounts/{account_id}/phone_numbers/{number}", "POST /v2/numbers/purchase")) {
            JsonNode limits = api.path("RouteSettings").path(route);
            soft.assertThat(parameterDefault(limits.path("ThrottlingRateLimit"))).as("%s rate", route)
                    .isPositive().isLessThan(parameterDefault(api.path("DefaultRouteSettings").path("ThrottlingRateLimit")));
            soft.assertThat(parameterDefault(limits.path("ThrottlingBurstLimit"))).as("%s burst", route).isPositive();
        }
        api.path("RouteSettings").fieldNames().forEachRemaining(r -> soft.assertThat(routes).as("route settings name routes").containsKey(r));
        SamTemplate.Function authorizer = template.functions().stream().filter(f -> f.kind() == SamTemplate.Kind.AUTHORIZER).findFirst().orElseThrow();
        soft.assertThat(parameterDefault(authorizer.properties().path("ReservedConcurrentExecutions")))
                .as("the authorizer's reserved concurrency (a parameter)").isPositive();
        soft.assertAll();
    }

    @Test
    void everyFunctionLogsToAGroupWithRetentionAndIsTracedAndTheApiKeepsAccessLogs() {
        JsonNode globals = template.json().path("Globals").path("Function");
        assertThat(globals.path("Tracing").asText()).isEqualTo("Active");
        String group = globals.path("LoggingConfig").path("LogGroup").asText();
        assertRetainedLogGroup(group);
        for (SamTemplate.Function f : template.functions()) {
            assertThat(f.properties().has("LoggingConfig") || f.properties().has("Tracing"))
                    .as("%s overrides the log group or tracing of Globals", f.logicalId()).isFalse();
        }
        String access = template.resources().path("HttpApi").path("Properties").path("AccessLogSettings").path("DestinationArn").asText();
        assertRetainedLogGroup(access.replaceFirst("\\.Arn$", ""));
        assertThat(template.resources().path("HttpApi").path("Properties").path("AccessLogSettings").path("Format").asText())
                .contains("$context.requestId", "$context.status", "$context.routeKey", "$context.identity.sourceIp");
    }

    @Test
    void alarmsWatchThePlatformMetricsTheFunctionsTheApiAndEveryTableAndNotifyTheTopic() {
        String namespace = template.json().path("Globals").path("Function").path("Environment").path("Variables")
                .path("METRICS_NAMESPACE").asText();
        assertThat(namespace).as("the EMF namespace is the stack's").contains("${AWS::StackName}");
        Set<String> watched = new HashSet<>();
        template.resources().fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            if (!"AWS::CloudWatch::Alarm".equals(r.path("Type").asText())) {
                return;
            }
            JsonNode p = r.path("Properties");
            assertThat(texts(p.path("AlarmActions"))).as("%s notifies the alarm topic", e.getKey()).containsExactly("AlarmTopic");
            List<JsonNode> metrics = new ArrayList<>();
            if (p.has("MetricName")) {
                metrics.add(p);
            }
            p.path("Metrics").forEach(m -> {
                if (m.has("MetricStat")) {
                    metrics.add(m.path("MetricStat").path("Metric"));
                }
            });
            for (JsonNode m : metrics) {
                String ns = m.path("Namespace").asText().equals(namespace) ? "EMF" : m.path("Namespace").asText();
                StringBuilder key = new StringBuilder(ns + " " + m.path("MetricName").asText());
                m.path("Dimensions").forEach(d -> key.append(' ').append(d.path("Name").asText()).append('=').append(d.path("Value").asText()));
                watched.add(key.toString());
            }
        });
        assertThat(watched).contains(
                "EMF Errors ErrorCode=PURCHASE_FAILED", "EMF Errors ErrorCode=INTERNAL_ERROR",
                "EMF " + Metrics.RENEWALS_FAILED, "EMF " + Metrics.RENEWALS_SUSPENDED, "EMF " + Metrics.RENEWALS_CHARGED,
                "EMF " + Metrics.TRANSACTION_CONFLICT_RETRIES, "EMF " + Metrics.UNKNOWN_TOKENS,
                "AWS/ApiGateway 5xx ApiId=HttpApi Stage=$default", "AWS/ApiGateway Latency ApiId=HttpApi Stage=$default",
                "AWS/Lambda Errors FunctionName=AuthorizerFunction", "AWS/Lambda Throttles FunctionName=AuthorizerFunction",
                "AWS/Lambda Errors FunctionName=MonthlyRenewalFunction", "AWS/Lambda Throttles FunctionName=MonthlyRenewalFunction",
                "AWS/SQS ApproximateNumberOfMessagesVisible QueueName=RenewalScheduleDeadLetterQueue.QueueName");
        for (String table : tables().keySet()) {
            assertThat(watched).as("throttles of %s", table).contains("AWS/DynamoDB ReadThrottleEvents TableName=" + table,
                    "AWS/DynamoDB WriteThrottleEvents TableName=" + table);
        }
        assertThat(template.resources().path("AlarmTopic").path("Type").asText()).isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void theRenewalRunsOneAtATimeWithRetriesAndADeadLetterQueue() {
        JsonNode renewal = template.resources().path("MonthlyRenewalFunction").path("Properties");
        assertThat(renewal.path("ReservedConcurrentExecutions").asInt()).isEqualTo(1);
        JsonNode schedule = renewal.path("Events").path("Hourly").path("Properties");
        assertThat(schedule.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
        assertThat(schedule.path("DeadLetterConfig").path("Arn").asText()).isEqualTo("RenewalScheduleDeadLetterQueue.Arn");
        assertThat(schedule.has("Name")).as("a schedule without Name is named after its logical id in every stack").isTrue();
    }

    /** {@code ref} names a parameter (a !Ref reads as its name here); its default. */
    private int parameterDefault(JsonNode ref) {
        JsonNode parameter = template.json().path("Parameters").path(ref.asText());
        assertThat(parameter.isMissingNode()).as("%s is a template parameter", ref.asText()).isFalse();
        return parameter.path("Default").asInt();
    }

    private void assertRetainedLogGroup(String logicalId) {
        JsonNode group = template.resources().path(logicalId);
        assertThat(group.path("Type").asText()).as("%s is a log group", logicalId).isEqualTo("AWS::Logs::LogGroup");
        assertThat(parameterDefault(group.path("Properties").path("RetentionInDays"))).as("%s retention", logicalId).isPositive();
    }

    /** Table logical id -> its GSI names. */
    private Map<String, Set<String>> tables() {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        template.resources().fields().forEachRemaining(e -> {
            if ("AWS::DynamoDB::Table".equals(e.getValue().path("Type").asText())) {
                Set<String> indexes = new HashSet<>();
                e.getValue().path("Properties").path("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText()));
                out.put(e.getKey(), indexes);
            }
        });
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode()) {
            out.add(node.asText());
        }
        return out;
    }
}
