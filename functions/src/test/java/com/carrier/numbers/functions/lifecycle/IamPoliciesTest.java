package com.carrier.numbers.functions.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy evaluator of the IAM coverage test, on the real template.yaml and calls shaped as the recorder writes them. */
class IamPoliciesTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    /** Physical names as the lifecycle test gives them: table names end with the logical id's stem. */
    private static final Map<String, String> TABLES = Map.of("Numbers_1", "NumbersTable", "Accounts_1", "AccountsTable",
            "Ledger_1", "LedgerTable", "Credentials_1", "CredentialsTable", "Audit_1", "AuditTable",
            "arn:aws:states:us-east-1:123456789012:stateMachine:wiring-port-lifecycle", "PortLifecycleStateMachine",
            "arn:aws:states:us-east-1:123456789012:stateMachine:NumberAging", "NumberAgingStateMachine",
            "http://127.0.0.1/000000000000/ProvisioningQueue.fifo", "ProvisioningQueue");
    private static final String PORT_LIFECYCLE = "arn:aws:states:us-east-1:123456789012:stateMachine:wiring-port-lifecycle";

    private static boolean allowed(String function, AwsCall call) {
        var statements = IamPolicies.statements(TEMPLATE, TEMPLATE.function(function));
        return IamPolicies.requests(call, TABLES::get).stream().allMatch(r -> IamPolicies.allows(TEMPLATE, statements, r));
    }

    private static AwsCall dynamo(String operation, String table, String index) {
        Map<String, String> fields = index == null ? Map.of("TableName", table) : Map.of("TableName", table, "IndexName", index);
        return new AwsCall("request", "DynamoDB", operation, fields, List.of(), "ASIA", true);
    }

    private static AwsCall transaction(AwsCall.Item... items) {
        return new AwsCall("request", "DynamoDB", "TransactWriteItems", Map.of(), List.of(items), "ASIA", true);
    }

    @Test
    void aReadTheFunctionsPolicyNamesIsAllowedAndOneItDoesNotIsRefused() {
        assertThat(allowed("GetAccountFunction", dynamo("GetItem", "Accounts_1", null))).isTrue();
        assertThat(allowed("GetAccountFunction", dynamo("PutItem", "Accounts_1", null))).as("another action").isFalse();
        assertThat(allowed("GetAccountFunction", dynamo("GetItem", "Credentials_1", null))).as("another table").isFalse();
    }

    @Test
    void aQueryOnAnIndexNeedsTheIndexArn() {
        assertThat(allowed("SearchNumbersFunction", dynamo("Query", "Numbers_1", "ByPrefix"))).isTrue();
        assertThat(allowed("SearchNumbersFunction", dynamo("Query", "Numbers_1", "ByOwner"))).as("another index").isFalse();
        assertThat(allowed("SearchNumbersFunction", dynamo("Query", "Numbers_1", null))).as("the table itself").isFalse();
        assertThat(allowed("GetAuditTrailFunction", dynamo("Query", "Audit_1", null))).isTrue();
    }

    @Test
    void eachTransactionElementIsAuthorisedAsItsOwnAction() {
        AwsCall purchase = transaction(new AwsCall.Item("Put", "Numbers_1"), new AwsCall.Item("Update", "Accounts_1"),
                new AwsCall.Item("Put", "Ledger_1"), new AwsCall.Item("Put", "Audit_1"));
        assertThat(allowed("PurchaseNumberFunction", purchase)).isTrue();
        assertThat(allowed("ReleaseNumberFunction", purchase)).as("release may not write the ledger").isFalse();
        assertThat(allowed("PurchaseNumberFunction", transaction(new AwsCall.Item("Delete", "Numbers_1")))).isFalse();
        assertThat(allowed("PurchaseNumberFunction", transaction(new AwsCall.Item("ConditionCheck", "Accounts_1"))))
                .as("ConditionCheckItem is an action of its own").isFalse();
    }

    @Test
    void callsOfServicesWithoutAGrantAreRefused() {
        AwsCall start = new AwsCall("request", "SFN", "StartExecution",
                Map.of("StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:PortIn"), List.of(), "ASIA", true);
        AwsCall send = new AwsCall("request", "SQS", "SendMessage", Map.of("QueueUrl", "https://sqs/123/Q"), List.of(), "ASIA", true);
        assertThat(allowed("PurchaseNumberFunction", start)).isFalse();
        assertThat(allowed("PurchaseNumberFunction", send)).isFalse();
        assertThat(IamPolicies.requests(start, physical -> physical.endsWith(":PortIn") ? "PortIn" : null))
                .singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo("states:StartExecution");
                    assertThat(r.resource()).isEqualTo("PortIn");
                });
    }

    @Test
    void resourcesReadAsTheLogicalIdsTheyName() {
        assertThat(IamPolicies.resource(TEMPLATE, "NumbersTable.Arn")).isEqualTo("NumbersTable");
        assertThat(IamPolicies.resource(TEMPLATE, "${NumbersTable.Arn}/index/ByOwner")).isEqualTo("NumbersTable/index/ByOwner");
        assertThat(IamPolicies.resource(TEMPLATE, "NumbersTable")).as("!Ref of a table is its name, not an ARN")
                .isNotEqualTo("NumbersTable");
        assertThat(IamPolicies.resource(TEMPLATE, "*")).isEqualTo("*");
    }

    private static AwsCall call(String service, String operation, String field, String value) {
        return new AwsCall("request", service, operation, Map.of(field, value), List.of(), "ASIA", true);
    }

    /** The SDK records lowerCamel member names; a machine named from the stack is matched through its Name. */
    @Test
    void stepFunctionsCallsAreAuthorisedOnTheMachineOrItsExecutions() {
        AwsCall start = call("SFN", "StartExecution", "stateMachineArn", PORT_LIFECYCLE);
        assertThat(allowed("CreatePortFunction", start)).isTrue();
        assertThat(allowed("CancelPortFunction", start)).as("cancel only stops").isFalse();
        assertThat(allowed("CreatePortFunction", call("SFN", "StartExecution", "stateMachineArn",
                "arn:aws:states:us-east-1:123456789012:stateMachine:NumberAging"))).as("another machine").isFalse();
        AwsCall stop = call("SFN", "StopExecution", "executionArn",
                "arn:aws:states:us-east-1:123456789012:execution:wiring-port-lifecycle:port_1-1");
        assertThat(IamPolicies.requests(stop, TABLES::get)).singleElement()
                .satisfies(r -> assertThat(r.resource()).isEqualTo("PortLifecycleStateMachine:execution:port_1-1"));
        assertThat(allowed("CancelPortFunction", stop)).isTrue();
        assertThat(allowed("CreatePortFunction", stop)).as("create only starts").isFalse();
    }

    /** SQS authorises SendMessageBatch with sqs:SendMessage (there is no batch action to grant). */
    @Test
    void anSqsBatchCallNeedsItsSingleAction() {
        AwsCall batch = call("SQS", "SendMessageBatch", "QueueUrl", "http://127.0.0.1/000000000000/ProvisioningQueue.fifo");
        assertThat(IamPolicies.requests(batch, TABLES::get)).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("sqs:SendMessage"));
        assertThat(allowed("SubmitBulkJobFunction", batch)).isTrue();
        assertThat(allowed("GetJobFunction", batch)).isFalse();
    }
}
