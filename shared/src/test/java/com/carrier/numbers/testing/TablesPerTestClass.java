package com.carrier.numbers.testing;

import java.net.URL;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Opens a {@link LocalDynamo} class scope around each top-level test class of this module (shared), so
 * the table sets a class took are emptied and reused by the next class instead of new tables being
 * created: under PIT, which re-runs a class's {@code @BeforeAll} for every test method and every mutant,
 * table creation was most of the run. Only classes compiled with this listener take part: other
 * modules' fixtures (through the test-jar) may live longer than one class, so they keep fresh tables.
 * Registered in META-INF/services (the launcher loads it under Surefire and under PIT alike).
 */
public final class TablesPerTestClass implements TestExecutionListener {
    private static final URL HERE = TablesPerTestClass.class.getProtectionDomain().getCodeSource().getLocation();
    private int depth;
    private boolean scoped;

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof ClassSource source) {
            if (depth++ == 0 && ofThisModule(source)) {
                scoped = true;
                LocalDynamo.openClassScope();
            }
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.getSource().orElse(null) instanceof ClassSource && --depth == 0 && scoped) {
            scoped = false;
            LocalDynamo.closeClassScope();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        // a skipped class never started: nothing to close
    }

    private static boolean ofThisModule(ClassSource source) {
        try {
            Class<?> testClass = source.getJavaClass();
            var codeSource = testClass.getProtectionDomain().getCodeSource();
            return codeSource != null && HERE != null && HERE.equals(codeSource.getLocation());
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
