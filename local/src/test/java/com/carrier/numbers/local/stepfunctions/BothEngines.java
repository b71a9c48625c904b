package com.carrier.numbers.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the workflow scenario tests share: each scenario runs on the in-JVM engine and on moto's
 * (one moto_server per test class, the referee), and both must visit the same states and end with
 * the same output. Without moto the class is skipped, or fails under CI=true ({@link MotoStepFunctions#start}).
 */
abstract class BothEngines {
    private static MotoStepFunctions moto;
    private static final LocalStepFunctions local = new LocalStepFunctions();

    @BeforeAll
    static void startMoto() {
        moto = MotoStepFunctions.start();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
            moto = null;
        }
    }

    /** Runs {@code scenario} on both engines, requires them to agree, and answers what they agree on. */
    static ScenarioResult.Comparable onBothEngines(WorkflowScenario scenario) throws Exception {
        long t0 = System.nanoTime();
        ScenarioResult onLocal = local.run(scenario);
        long t1 = System.nanoTime();
        ScenarioResult onMoto = moto.run(scenario);
        System.out.printf("scenario %s: local %.1f s, moto %.1f s%n", onLocal.visitedStates(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
        assertThat(onLocal.comparable()).as("local vs moto").isEqualTo(onMoto.comparable());
        return onLocal.comparable();
    }
}
