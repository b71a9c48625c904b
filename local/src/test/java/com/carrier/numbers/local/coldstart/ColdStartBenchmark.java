package com.carrier.numbers.local.coldstart;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.dynamodb.TableSchemas;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.RateTable;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
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
 * Cold start, side by side in one run: a fresh JVM's time to the first response of the purchase
 * handler versus a minimal SDK v2 GetItem handler, both from the Lambda jar, both against the
 * same DynamoDB Local server over HTTP; plus the classes each loads and the jar's size.
 * Target: purchase within 1.25x of the minimal handler; jar under 15 MB.
 */
public final class ColdStartBenchmark {
    private static final int RUNS = 11;

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("functions/target/functions.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the Lambda jar first: ./mvnw -q package -DskipTests");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + port;
            DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                    .build();
            TableNames tables = com.carrier.numbers.template.SamTemplate.load().localTableNames();
            TableSchemas.fromTemplate(TableSchemas.findTemplate(), tables).createAll(client);
            NumbersPlatform platform = NumbersPlatform.create(client, tables, Clock.systemUTC(), NumbersPlatform.Settings.defaults());
            platform.accounts().create(Caller.SYSTEM, "MA_bench", "Cold start bench", null, null);
            platform.accounts().credit(Caller.SYSTEM, "MA_bench", Money.of("100.00"));
            var rate = RateTable.standard().require("US", "local");
            List<InventoryNumber> numbers = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                numbers.add(new InventoryNumber(String.format("+1415209%04d", i), "San Francisco", "CA", "US", "local",
                        rate.setupFee(), rate.monthlyCost()));
            }
            platform.inventory().load(Caller.SYSTEM, numbers);

            String java = ProcessHandle.current().info().command().orElse("java");
            String cp = jar.toAbsolutePath() + File.pathSeparator + Path.of("local/target/test-classes").toAbsolutePath();
            List<long[]> purchase = new ArrayList<>();
            List<long[]> getItem = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) { // alternate, so machine noise hits both alike
                purchase.add(run(java, cp, endpoint, "purchase", "MA_bench", numbers.get(i).number()));
                getItem.add(run(java, cp, endpoint, "getitem", "MA_bench", null));
            }
            long p = median(purchase, 0);
            long g = median(getItem, 0);
            System.out.println();
            System.out.printf("Cold start, fresh JVM to first response (median of %d, same DynamoDB Local):%n", RUNS);
            System.out.printf("  %-34s %7s %12s %10s%n", "handler", "ms", "of it: init", "classes");
            System.out.printf("  %-34s %7d %12d %10d%n", "purchase (PurchaseNumberHandler)", p, median(purchase, 2), median(purchase, 1));
            System.out.printf("  %-34s %7d %12d %10d%n", "minimal SDK v2 GetItem handler", g, median(getItem, 2), median(getItem, 1));
            System.out.printf("  ratio purchase / minimal: %.2fx (target <= 1.25x)%n", (double) p / g);
            System.out.printf("Lambda jar %s: %.1f MB (target < 15 MB)%n", jar, Files.size(jar) / 1e6);
        } finally {
            server.stop();
        }
    }

    private static long[] run(String java, String cp, String endpoint, String mode, String account, String number) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", cp, ColdStartDriver.class.getName(), mode, account));
        if (number != null) {
            cmd.add(number);
        }
        String extra = System.getenv("COLDSTART_JVM_FLAGS"); // e.g. -Xlog:class+load:file=/tmp/x.log:uptime, to see where time goes
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_REGION", "us-east-1");
        env.put("DYNAMODB_ENDPOINT", endpoint);
        env.put("ACCOUNTS_TABLE", com.carrier.numbers.template.SamTemplate.load().localTableNames().accounts());
        Process process = pb.start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("COLDSTART ")) {
                    result = line;
                }
            }
        }
        process.waitFor();
        if (result == null) {
            throw new IllegalStateException(mode + " run failed:\n" + all);
        }
        String[] f = result.split(" ");
        if (mode.equals("purchase") && !f[4].equals("201")) {
            throw new IllegalStateException("purchase answered " + f[4] + ":\n" + all);
        }
        return new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[5])};
    }

    private static long median(List<long[]> runs, int field) {
        List<Long> v = new ArrayList<>();
        runs.forEach(r -> v.add(r[field]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
