package com.carrier.numbers.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * moto_server (moto 5.2.1) on a free loopback port: the third-party stand-in for the AWS services
 * with no local engine of their own in tests (Step Functions as a referee, Secrets Manager). Started
 * through {@code moto/moto_launcher.py}, which adds the Lambda function-error header moto lacks.
 *
 * <p>Requiredness: with {@code CI=true} a missing or failing moto fails the caller
 * ({@link #startOrSkip()}); elsewhere the calling tests are skipped (a JUnit assumption) saying why.
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    public final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Whether this run must have moto (CI). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Starts moto; without it fails under CI=true, else aborts the calling test (skipped) saying why. */
    public static MotoServer startOrSkip() {
        try {
            return start();
        } catch (Exception e) {
            String why = "moto_server (moto 5.2.1, python3 -m moto.server) is not available: " + e.getMessage();
            if (required()) {
                throw new IllegalStateException("CI=true requires moto; " + why, e);
            }
            Assumptions.abort("Skipping: " + why + " (set CI=true to make this a failure)");
            throw new AssertionError("unreachable");
        }
    }

    /** Starts moto on a free port and waits until it answers (20 s at most). */
    public static MotoServer start() throws Exception {
        Path launcher = Files.createTempFile("moto_launcher", ".py");
        try (InputStream in = MotoServer.class.getClassLoader().getResourceAsStream("moto/moto_launcher.py")) {
            Files.write(launcher, in.readAllBytes());
        }
        launcher.toFile().deleteOnExit();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("moto_server", ".log");
        log.toFile().deleteOnExit();
        Process p = new ProcessBuilder(python(), launcher.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer moto = new MotoServer(p, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("moto_server exited " + p.exitValue() + ": " + Files.readString(log));
            }
            try {
                moto.reset();
                return moto;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    moto.close();
                    throw new IllegalStateException("moto_server did not answer in 20 s: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }
    }

    /** python3 with moto importable (pyenv shims put it on PATH here); MOTO_PYTHON overrides. */
    private static String python() throws Exception {
        String configured = System.getenv("MOTO_PYTHON");
        String python = configured != null ? configured : "python3";
        Process check = new ProcessBuilder(python, "-c", "import moto, sys; sys.stdout.write(moto.__version__)")
                .redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes()).trim();
        if (check.waitFor() != 0) {
            throw new IllegalStateException(python + " cannot import moto: " + out);
        }
        return python;
    }

    /** Forgets every resource (moto's own reset endpoint). */
    public void reset() throws IOException, InterruptedException {
        post("/moto-api/reset", "application/json", "", "sts");
    }

    /** A POST to moto's own API or a service's; {@code service} names it in the (unchecked) signature. */
    public String post(String path, String contentType, String body, String service) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", contentType)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=moto/20260101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=x")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("moto " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
