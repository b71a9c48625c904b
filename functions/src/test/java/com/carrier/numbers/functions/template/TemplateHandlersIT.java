package com.carrier.numbers.functions.template;

import com.carrier.numbers.template.SamTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.carrier.numbers.functions.wiring.Invocations;
import com.carrier.numbers.functions.wiring.ProductionWiring;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Stands in for `sam build` (which cannot run here): runs after `package` (failsafe, ./mvnw verify)
 * against the jar template.yaml deploys (Globals CodeUri). For every function, its Handler
 * {@code class::method} names a public class in that jar, loadable from the jar alone, with a
 * public method of that name the Lambda Java runtime can call, and its events/ file deserializes
 * into that method's input type with the runtime's serializers; then each handler is initialised
 * and invoked from the jar with the template's environment. The jar stays under 15 MB.
 */
class TemplateHandlersIT {
    private static final long MAX_JAR_BYTES = 15L * 1024 * 1024;

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static URLClassLoader jar;

    @BeforeAll
    static void openJar() throws Exception {
        Path file = TEMPLATE.codeUri();
        assertThat(file).as("CodeUri jar (build it with ./mvnw package)").exists();
        // Parent: the platform loader only, so every class must come from the deployment jar itself.
        jar = new URLClassLoader(new URL[] {file.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void closeJar() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void jarIsUnder15Megabytes() throws Exception {
        Path file = TEMPLATE.codeUri();
        long size = Files.size(file);
        System.out.printf("Lambda jar %s: %,d bytes (%.2f MB; limit 15 MB)%n", TEMPLATE.root().relativize(file), size,
                size / (1024.0 * 1024.0));
        assertThat(size).as("size of %s", file).isLessThan(MAX_JAR_BYTES);
    }

    @Test
    void jarLeavesOutTestAndLocalOnlyLibraries() throws Exception {
        try (var zip = new java.util.zip.ZipFile(TEMPLATE.codeUri().toFile())) {
            List<String> heavy = zip.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("com/amazonaws/services/dynamodbv2/local/") // DynamoDB Local
                            || n.startsWith("org/elasticmq/") || n.startsWith("org/junit/")
                            || n.startsWith("org/testcontainers/") || n.startsWith("io/netty/")
                            || n.startsWith("org/apache/http/"))
                    .limit(5).toList();
            assertThat(heavy).as("test/local-only or unused HTTP-client classes in the Lambda jar").isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyHandlerIsInTheJarAndAcceptsItsEvent() {
        return TEMPLATE.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId() + " -> " + f.handler(), () -> {
            assertThat(f.handler()).as("Handler of %s is class::method", f.logicalId()).matches("[\\w.$]+::\\w+");
            Class<?> type;
            try {
                type = Class.forName(f.handlerClass(), false, jar); // no static initialisation (no AWS calls)
            } catch (ClassNotFoundException e) {
                throw new AssertionError(f.logicalId() + ": class " + f.handlerClass() + " is not in " + TEMPLATE.codeUri(), e);
            }
            assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
            assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is concrete", type.getName()).isFalse();

            Method method = lambdaMethod(type, f.handlerMethod());
            if (!Modifier.isStatic(method.getModifiers())) {
                assertThat(Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0))
                        .as("%s has a public no-argument constructor (the runtime instantiates it)", type.getName()).isTrue();
            }
            Class<?> input = method.getParameterTypes()[0];
            if (input != InputStream.class) {
                // The runtime deserializes the payload into the first parameter with the jar's classes
                // (LambdaEventSerializers.serializerFor(type, jarLoader)): the event file must fit it, and
                // everything that serializer needs must be in the jar (it loads org.joda.time.DateTime for
                // every events-library type, so joda-time cannot be excluded from the jar).
                Object event;
                try {
                    event = Events.load(f.logicalId(), input, jar);
                } catch (RuntimeException | LinkageError e) {
                    throw new AssertionError(f.logicalId() + ": the Lambda runtime's serializer cannot read events/"
                            + f.logicalId() + ".json as " + input.getName() + " with the classes of "
                            + TEMPLATE.codeUri().getFileName() + " (a class missing from the jar?): " + e, e);
                }
                assertThat(event).as("events/%s.json as %s", f.logicalId(), input.getName()).isNotNull();
                // What invokes the function fixes its input type: API Gateway's and SQS's event classes; the
                // schedule's Input is read as a JSON object; a state machine task's typed input is its own
                // (its events/ file deserializing into it, above, is the check).
                switch (f.kind()) {
                    case HTTP_API, AUTHORIZER, SQS -> assertThat(input.getName()).as("input type of %s", f.logicalId())
                            .isEqualTo(Events.inputType(f.kind()).getName());
                    case SCHEDULE -> assertThat(input.getName()).as("input type of %s", f.logicalId()).isEqualTo(Map.class.getName());
                    case OTHER -> { }
                }
            }
        }));
    }

    /**
     * Each handler of the jar initialised and invoked as Lambda does it: class initialisation, the
     * no-argument constructor, the environment the template gives the function (DynamoDB Local in
     * server mode over HTTP), its events/ file in, an answer out; all with the jar's classes only.
     */
    @TestFactory
    Stream<DynamicTest> everyHandlerOfTheJarInitialisesAndAnswersItsEvent() {
        ProductionWiring wiring = ProductionWiring.start(TEMPLATE);
        Stream<DynamicTest> tests = TEMPLATE.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId() + " invoked from the jar", () -> {
            String event = wiring.use(f);
            // a fresh execution environment: the jar's Platform builds its DynamoDB client from this environment
            Class<?> platform = Class.forName("com.carrier.numbers.functions.Platform", true, jar);
            platform.getMethod("use", Class.forName("com.carrier.numbers.NumbersPlatform", false, jar)).invoke(null, (Object) null);
            Invocations.assertAnswered(f, Invocations.invoke(f, jar, event));
        }));
        return tests.onClose(wiring::close);
    }

    /** The method the Lambda Java runtime would pick: public, named so, (input[, Context]) or (InputStream, OutputStream[, Context]). */
    private static Method lambdaMethod(Class<?> type, String name) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(TemplateHandlersIT::callable)
                .toList();
        assertThat(candidates).as("public %s(...) in %s callable by the Lambda runtime", name, type.getName()).isNotEmpty();
        return candidates.getFirst();
    }

    private static boolean callable(Method m) {
        Class<?>[] p = m.getParameterTypes();
        String ctx = Context.class.getName();
        return switch (p.length) {
            case 1 -> true;
            case 2 -> p[1].getName().equals(ctx) || (p[0] == InputStream.class && p[1] == OutputStream.class);
            case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && p[2].getName().equals(ctx);
            default -> false;
        };
    }
}
