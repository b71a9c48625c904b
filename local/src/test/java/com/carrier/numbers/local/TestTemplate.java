package com.carrier.numbers.local;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The tiny template of test handlers (src/test/resources/test-template.yaml). */
final class TestTemplate {
    private TestTemplate() {
    }

    static Path path() {
        try {
            return Path.of(TestTemplate.class.getResource("/test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A runtime of test handlers only (no DynamoDB, no domain) on a free port. */
    static LocalRuntime start() {
        return LocalRuntime.start(LocalRuntime.Options.defaults().withTemplate(path()).withPort(0)
                .withPlatform(false).withAccessLog(false));
    }
}
