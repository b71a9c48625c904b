package com.carrier.numbers.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function of template.yaml as Lambda builds it: the no-argument constructor, the
 * environment the template gives it (table names, queue URLs, state machine and secret ARNs), the
 * AWS services over HTTP ({@link AwsStandIns}: DynamoDB Local, ElasticMQ, moto), the world its
 * events/ file speaks for seeded, invoked with that file through the Lambda runtime's serializers. An HTTP function answers
 * without a 5xx (a wrong table name, a variable the code reads under another name, a marshalling
 * fault all end in one); the authorizer finds the demo token's credential; the renewal runs.
 * A function added later is covered by its events/ file (see {@link Invocations}).
 */
class ProductionWiringTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static ProductionWiring wiring;
    private static final List<String> ANSWERS = new ArrayList<>();

    @BeforeAll
    static void start() {
        wiring = ProductionWiring.start(TEMPLATE);
    }

    @AfterAll
    static void stop() {
        Platform.use(null);
        if (wiring != null) {
            wiring.close();
        }
        System.out.println("production wiring answers:\n  " + String.join("\n  ", ANSWERS));
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionRunsWithTheTemplatesEnvironmentOverHttp() {
        assertThat(TEMPLATE.functions()).isNotEmpty();
        return TEMPLATE.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
            String event = wiring.use(f);
            Platform.use(null); // a fresh execution environment: the platform is built from this environment
            JsonNode out = Invocations.invoke(f, getClass().getClassLoader(), event);
            ANSWERS.add(f.logicalId() + ": " + Invocations.summary(f, out));
            Invocations.assertAnswered(f, out);
        }));
    }
}
