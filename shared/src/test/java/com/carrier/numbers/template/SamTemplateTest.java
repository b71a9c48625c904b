package com.carrier.numbers.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.template.SamTemplate.Function;
import com.carrier.numbers.template.SamTemplate.Kind;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private final SamTemplate template = SamTemplate.load();

    @Test
    void functionsCarryHandlerTimeoutMergedEnvironmentPoliciesAndRoutes() {
        Function search = template.function("SearchNumbersFunction");
        assertThat(search.handlerClass()).isEqualTo("com.carrier.numbers.functions.api.SearchNumbersHandler");
        assertThat(search.handlerMethod()).isEqualTo("handleRequest");
        assertThat(search.kind()).isEqualTo(Kind.HTTP_API);
        assertThat(search.timeoutSeconds()).isEqualTo(20); // Globals
        // !Ref NumbersTable reads as the table's logical id
        assertThat(search.environment()).containsEntry("NUMBERS_TABLE", "NumbersTable").containsEntry("AGING_DAYS", "AgingDays");
        assertThat(search.policies().isArray()).isTrue();
        assertThat(search.routes()).singleElement().satisfies(r -> {
            assertThat(r.routeKey()).isEqualTo("GET /v2/phone_numbers");
            assertThat(r.authorized()).isTrue();
        });
        assertThat(search.events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("HttpApi"));

        Function renewal = template.function("MonthlyRenewalFunction");
        assertThat(renewal.kind()).isEqualTo(Kind.SCHEDULE);
        assertThat(renewal.timeoutSeconds()).isEqualTo(900); // its own
        assertThat(renewal.routes()).isEmpty();
        assertThat(template.function("AuthorizerFunction").kind()).isEqualTo(Kind.AUTHORIZER);
        assertThatThrownBy(() -> template.function("NoSuchFunction")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authorizerTablesAndResourcesByType() {
        var auth = template.authorizer().orElseThrow();
        assertThat(auth.functionLogicalId()).isEqualTo("AuthorizerFunction");
        assertThat(auth.identityHeaders()).containsExactly("x-auth-token");
        assertThat(auth.ttlSeconds()).isEqualTo(30);

        assertThat(template.tables()).containsKeys("NumbersTable", "AccountsTable", "LedgerTable", "CredentialsTable",
                "AuditTable", "IdempotencyTable");
        assertThat(template.tables().get("NumbersTable").path("KeySchema").isArray()).isTrue();
        assertThat(template.resourcesOfType(SamTemplate.HTTP_API)).extracting(SamTemplate.Resource::logicalId).containsExactly("HttpApi");
        assertThat(template.routes()).containsEntry("GET /v2/phone_numbers", "SearchNumbersFunction");
        assertThat(template.codeUri()).isEqualTo(template.root().resolve("functions/target/functions.jar"));
    }

    @Test
    void routeParametersAndPattern() {
        var route = new SamTemplate.Route("GET", "/v2/accounts/{account_id}/phone_numbers/{number}");
        assertThat(route.parameters()).containsExactly("account_id", "number");
        assertThat(route.pathPattern().matcher("/v2/accounts/MA_1/phone_numbers/+1415").matches()).isTrue();
        assertThat(route.pathPattern().matcher("/v2/accounts//phone_numbers/+1415").matches()).isFalse();
    }

    @Test
    void tableNamesComeFromTheTablesTheVariablesName() {
        assertThat(template.localTableNames()).isEqualTo(new com.carrier.numbers.TableNames(
                "Numbers", "Accounts", "Ledger", "Credentials", "Audit", "Idempotency"));
    }

    @Test
    void aTypoInATableVariableFailsNamingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String yaml = java.nio.file.Files.readString(template.file()).replace("NUMBERS_TABLE: !Ref NumbersTable", "NUMBER_TABLE: !Ref NumbersTable");
        java.nio.file.Path typo = java.nio.file.Files.writeString(dir.resolve("template.yaml"), yaml);
        assertThatThrownBy(() -> SamTemplate.load(typo).localTableNames())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NUMBERS_TABLE");
        String wrongRef = java.nio.file.Files.readString(template.file()).replace("LEDGER_TABLE: !Ref LedgerTable", "LEDGER_TABLE: !Ref LedgersTable");
        java.nio.file.Path wrong = java.nio.file.Files.writeString(dir.resolve("wrong.yaml"), wrongRef);
        assertThatThrownBy(() -> SamTemplate.load(wrong).localTableNames())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LEDGER_TABLE").hasMessageContaining("LedgersTable");
    }

    @Test
    void onLambdaAMissingTableVariableFailsAtInitNamingIt() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (String v : com.carrier.numbers.TableNames.VARIABLES) {
            env.put(v, v.toLowerCase());
        }
        assertThat(com.carrier.numbers.TableNames.from(env::get).audit()).isEqualTo("audit_table");
        env.remove("IDEMPOTENCY_TABLE");
        assertThatThrownBy(() -> com.carrier.numbers.TableNames.from(env::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("IDEMPOTENCY_TABLE");
    }

    @Test
    void theProvisioningConsumerRunsAsManyBatchesAsALoadHasMessageGroups() {
        // More groups than batches would leave some chunks waiting; more batches than groups would idle.
        assertThat(template.queueEvents()).filteredOn(e -> e.functionLogicalId().equals("ProvisioningConsumerFunction"))
                .singleElement().satisfies(e -> assertThat(e.maximumConcurrency())
                        .isEqualTo(com.carrier.numbers.port.ProvisioningTask.InventoryChunk.GROUPS));
    }
}
