package com.carrier.numbers;

/**
 * Configuration lookup: a JVM system property wins over the environment variable of the same
 * name, so the local runtime and tests can configure handlers without touching the process
 * environment. On Lambda the variables come from template.yaml.
 */
public final class Env {
    private Env() {
    }

    public static String get(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isEmpty()) {
            v = System.getenv(name);
        }
        return v == null || v.isEmpty() ? fallback : v;
    }
}
