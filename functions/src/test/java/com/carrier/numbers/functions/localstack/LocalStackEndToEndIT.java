package com.carrier.numbers.functions.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.service.CreatedAccount;
import com.carrier.numbers.service.SearchQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * End to end against LocalStack (real AWS APIs in a container): the tables exactly as
 * template.yaml declares them, then the main flow through the domain: create an account, credit
 * it, load inventory, search, purchase, release. Later issues add the queues and state machines
 * here; the port lifecycle state machine is created from its ASL file and driven through the
 * Step Functions adapter (start once per name, stop by the derived execution ARN). Where no Docker engine runs (these build machines) the whole class is reported skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackEndToEndIT {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb", "stepfunctions");

    private static final Caller OPERATOR = Caller.SYSTEM;
    private static final TableNames TABLES =
            new TableNames("Numbers", "Accounts", "Ledger", "Credentials", "Audit", "Idempotency");

    private DynamoDbClient dynamo;
    private NumbersPlatform platform;

    @BeforeAll
    void deployTables() {
        dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
        TableSchemas.fromTemplate(TableSchemas.findTemplate(), TABLES).createAll(dynamo);
        platform = NumbersPlatform.create(dynamo, TABLES, Clock.systemUTC(), NumbersPlatform.Settings.defaults());
    }

    @AfterAll
    void close() {
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void tablesOfTheTemplateExist() {
        assertThat(dynamo.listTables().tableNames())
                .containsExactlyInAnyOrder("Numbers", "Accounts", "Ledger", "Credentials", "Audit", "Idempotency", "Ports");
    }

    @Test
    void accountCreditInventorySearchPurchaseRelease() {
        CreatedAccount created = platform.accounts().create(OPERATOR, "MA_ls1", "LocalStack Master", null, null);
        assertThat(created.credential().token()).isNotBlank();
        Caller master = new Caller("MA_ls1", created.credential().credential().authId(), created.credential().credential().role());

        platform.accounts().credit(OPERATOR, "MA_ls1", Money.of("10.00"));
        assertThat(platform.accounts().get(master, "MA_ls1").balance()).isEqualTo(Money.of("10.00"));

        List<InventoryNumber> stock = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            stock.add(new InventoryNumber(String.format("+1415300%04d", i), "San Francisco", "CA", "US", "local",
                    Money.of("1.00"), Money.of("0.99")));
        }
        assertThat(platform.inventory().load(OPERATOR, stock)).isEqualTo(20);

        List<String> found = platform.inventory().search(new SearchQuery("415", null, null, 5));
        assertThat(found).hasSize(5).allSatisfy(n -> assertThat(n).startsWith("+1415300"));

        String number = found.getFirst();
        PhoneNumber bought = platform.phoneNumbers().purchase(master, "MA_ls1", number, NumberUpdate.NONE);
        assertThat(bought.state()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(bought.ownerId()).isEqualTo("MA_ls1");
        assertThat(platform.accounts().get(master, "MA_ls1").balance()).isEqualTo(Money.of("8.01"));
        assertThat(platform.inventory().search(new SearchQuery("415", null, null, 100))).doesNotContain(number);
        assertThatThrownBy(() -> platform.phoneNumbers().purchase(master, "MA_ls1", number, NumberUpdate.NONE))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE));

        PhoneNumber released = platform.phoneNumbers().release(master, "MA_ls1", number);
        assertThat(released.state()).isEqualTo(NumberState.RELEASED);
        assertThat(released.availableAt()).isNotNull();
    }

    /** The port lifecycle definition as deployed (substitutions filled), created in LocalStack and driven by the adapter. */
    @Test
    void portLifecycleStateMachineThroughTheStepFunctionsAdapter() throws Exception {
        String definition = java.nio.file.Files.readString(TableSchemas.findTemplate().getParent()
                .resolve("statemachines/port-lifecycle.asl.json"));
        for (String fn : List.of("SubmitPort", "AwaitCarrier", "AuthorizePort", "NotifyCutover", "ActivatePort", "FailPort")) {
            definition = definition.replace("${" + fn + "FunctionArn}",
                    "arn:aws:lambda:" + LOCALSTACK.getRegion() + ":000000000000:function:" + fn + "Function:live");
        }
        assertThat(definition).doesNotContain("${");
        try (var sfn = software.amazon.awssdk.services.sfn.SfnClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build()) {
            String finalDefinition = definition;
            String arn = sfn.createStateMachine(b -> b.name("numbers-port-lifecycle").definition(finalDefinition)
                    .roleArn("arn:aws:iam::000000000000:role/port-lifecycle")).stateMachineArn();
            var workflows = new com.carrier.numbers.adapter.stepfunctions.StepFunctionsWorkflows(sfn,
                    java.util.Map.of(com.carrier.numbers.port.Workflows.Machine.PORT_LIFECYCLE, arn));
            var machine = com.carrier.numbers.port.Workflows.Machine.PORT_LIFECYCLE;
            assertThat(workflows.start(machine, "port_ls1-1", "{\"port_id\":\"port_ls1\",\"attempt\":1}")).isTrue();
            workflows.start(machine, "port_ls1-1", "{\"port_id\":\"port_ls1\",\"attempt\":1}"); // a retried start
            assertThat(sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).as("the same attempt runs once").hasSize(1);
            workflows.stop(machine, "port_ls1-1", "cancelled");
            String executionArn = arn.replace(":stateMachine:", ":execution:") + ":port_ls1-1";
            assertThat(sfn.describeExecution(b -> b.executionArn(executionArn)).statusAsString()).isNotEqualTo("RUNNING");
            workflows.stop(machine, "port_never-1", "nothing to stop"); // unknown: left alone
        }
    }
}
