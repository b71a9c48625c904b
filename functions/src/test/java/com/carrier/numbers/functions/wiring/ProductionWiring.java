package com.carrier.numbers.functions.wiring;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * The functions as Lambda runs them: DynamoDB Local in server mode on a free port, reached over
 * HTTP (the SDK's wire marshalling and HTTP client as on AWS), its tables created from template.yaml
 * under names of their own (a stack's table names are not the logical ids either), and each
 * function's environment as the template gives it ({@code !Ref} of a table resolved to that
 * table's name, of a parameter to its default), installed as system properties, which {@code Env}
 * reads first. The handlers are then built with their no-argument constructors.
 *
 * <p>The SDK's credentials come from the process environment on Lambda
 * ({@code EnvironmentVariableCredentialsProvider}): the build sets dummy ones for the test JVMs.
 */
public final class ProductionWiring implements AutoCloseable {
    private final SamTemplate template;
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    /** Table logical id -> the name it has here. */
    private final Map<String, String> tableNames = new LinkedHashMap<>();
    private final List<String> propertiesSet = new ArrayList<>();

    private ProductionWiring(SamTemplate template, DynamoDBProxyServer server, URI endpoint) {
        this.template = template;
        this.server = server;
        this.endpoint = endpoint;
    }

    public static ProductionWiring start(SamTemplate template) {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            ProductionWiring w = new ProductionWiring(template, server, URI.create("http://127.0.0.1:" + port));
            w.createTables();
            return w;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start DynamoDB Local in server mode on port " + port, e);
        }
    }

    private void createTables() {
        String stack = "wiring-" + Long.toString(System.nanoTime(), 36);
        template.tables().keySet().forEach(id -> tableNames.put(id, stack + "-" + id));
        TableSchemas schemas = TableSchemas.fromTemplate(template, stackTableNames());
        for (Map.Entry<String, String> t : tableNames.entrySet()) {
            schemas = schemas.with(t.getKey(), t.getValue()); // tables the platform's TableNames does not list yet
        }
        try (DynamoDbClient client = client()) {
            schemas.createAll(client);
        }
    }

    /** The platform's tables by the Globals variables that name them. */
    public TableNames stackTableNames() {
        JsonNode vars = template.functionGlobals().path("Environment").path("Variables");
        return TableNames.from(v -> tableNames.get(vars.path(v).asText()));
    }

    /** A client of this DynamoDB Local over HTTP (for seeding and checks). */
    public DynamoDbClient client() {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("wiring", "wiring")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Table logical id -> its name here. */
    public Map<String, String> tableNames() {
        return tableNames;
    }

    /** The environment template.yaml gives {@code f}, references resolved, plus the endpoint and region of this machine. */
    public Map<String, String> environmentOf(SamTemplate.Function f) {
        JsonNode parameters = template.json().path("Parameters");
        Map<String, String> env = new LinkedHashMap<>();
        f.environment().forEach((name, value) -> {
            if (tableNames.containsKey(value)) {
                env.put(name, tableNames.get(value)); // !Ref SomeTable
            } else if (parameters.has(value)) {
                env.put(name, parameters.path(value).path("Default").asText()); // !Ref SomeParameter
            } else {
                env.put(name, value);
            }
        });
        env.put("DYNAMODB_ENDPOINT", endpoint.toString());
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    /** Installs {@code f}'s environment (replacing the previous function's) as system properties. */
    public void use(SamTemplate.Function f) {
        clearEnvironment();
        environmentOf(f).forEach((k, v) -> {
            System.setProperty(k, v);
            propertiesSet.add(k);
        });
    }

    public void clearEnvironment() {
        propertiesSet.forEach(System::clearProperty);
        propertiesSet.clear();
    }

    /**
     * The demo world the events/ files speak for: the demo accounts with 100.00 each and their
     * tokens, and San Francisco numbers from +14152000000 in inventory, written through the domain
     * over this HTTP endpoint.
     */
    public void seedDemoWorld() {
        NumbersPlatform p = NumbersPlatform.create(client(), stackTableNames(), Clock.systemUTC(), NumbersPlatform.Settings.defaults());
        Caller system = Caller.SYSTEM;
        p.accounts().create(system, "MA_platform", "Platform operator", null, List.of());
        p.accounts().create(system, "MA_demo", "Demo master", null, List.of());
        p.accounts().create(system, "SA_demo1", "Demo sub-account 1", "MA_demo", List.of());
        p.accounts().create(system, "SA_demo2", "Demo sub-account 2", "MA_demo", List.of());
        p.accounts().create(system, "MA_other", "Other master", null, List.of());
        p.credentials().register("MA_platform", Role.ADMIN, "demo admin", "local-admin-token");
        p.credentials().register("MA_demo", Role.USER, "demo master", "demo-master-token");
        p.credentials().register("SA_demo1", Role.USER, "demo sub 1", "demo-sub1-token");
        p.credentials().register("SA_demo2", Role.USER, "demo sub 2", "demo-sub2-token");
        p.credentials().register("MA_other", Role.USER, "other master", "other-master-token");
        for (String a : List.of("MA_demo", "SA_demo1", "SA_demo2", "MA_other")) {
            p.accounts().credit(system, a, Money.of("100.00"));
        }
        List<InventoryNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(new InventoryNumber("+1415200" + String.format("%04d", i), "San Francisco", "CA", "US", "local", null, null));
        }
        p.inventory().load(system, numbers);
    }

    @Override
    public void close() {
        clearEnvironment();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop DynamoDB Local", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
