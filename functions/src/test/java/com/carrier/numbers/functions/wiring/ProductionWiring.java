package com.carrier.numbers.functions.wiring;

import com.carrier.numbers.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions as Lambda runs them, in this JVM: the AWS services on {@link AwsStandIns} (DynamoDB
 * Local over HTTP, ElasticMQ, moto), the world of each function's events/ file seeded on fresh
 * tables, and the function's template environment resolved against them and installed as system
 * properties ({@code Env} reads those first). The handlers are then built with their no-argument
 * constructors.
 *
 * <p>The SDK's credentials come from the process environment, as on Lambda without SnapStart: the
 * build sets dummy ones for the test JVMs.
 */
public final class ProductionWiring implements AutoCloseable {
    private final AwsStandIns standIns;
    private final List<String> propertiesSet = new ArrayList<>();

    private ProductionWiring(AwsStandIns standIns) {
        this.standIns = standIns;
    }

    public static ProductionWiring start(SamTemplate template) {
        return new ProductionWiring(AwsStandIns.start(template));
    }

    /** Seeds {@code f}'s world, installs its environment (replacing the previous function's); answers its event. */
    public String use(SamTemplate.Function f) {
        clearEnvironment();
        AwsStandIns.Prepared prepared = standIns.prepare(f);
        prepared.environment().forEach((k, v) -> {
            System.setProperty(k, v);
            propertiesSet.add(k);
        });
        return prepared.event();
    }

    public void clearEnvironment() {
        propertiesSet.forEach(System::clearProperty);
        propertiesSet.clear();
    }

    @Override
    public void close() {
        clearEnvironment();
        standIns.close();
    }
}
