package com.carrier.numbers.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the engine cannot run is refused at load, naming the state and what is unsupported. */
class DefinitionLoadTest {

    private static String one(String state) {
        return "{\"StartAt\":\"S\",\"States\":{\"S\":" + state + ",\"Next1\":{\"Type\":\"Succeed\"}}}";
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(one("{\"Type\":\"Map\",\"ItemProcessor\":{},\"End\":true}"), "state S: unsupported state type Map"),
                Arguments.of(one("{\"Type\":\"Parallel\",\"Branches\":[],\"End\":true}"), "unsupported state type Parallel"),
                Arguments.of(one("{\"Type\":\"Pass\",\"Arguments\":{},\"End\":true}"), "state S (Pass): unsupported field Arguments"),
                Arguments.of(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\",\"End\":true}"),
                        "unsupported Resource arn:aws:states:::sqs:sendMessage"),
                Arguments.of(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\",\"Payload.$\":\"States.Nope($)\"},\"End\":true}"),
                        "unsupported intrinsic function States.Nope"),
                Arguments.of(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\",\"Parameters\":{\"FunctionName\":\"f\",\"Payload\":{}},\"End\":true}"),
                        "must pass $$.Task.Token"),
                Arguments.of(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"Credentials\":{},\"End\":true}"),
                        "unsupported field Credentials"),
                Arguments.of(one("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"f\"},\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"JitterStrategy\":\"HALF\"}],\"End\":true}"),
                        "unsupported JitterStrategy HALF"),
                Arguments.of(one("{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\",\"StringContains\":\"x\",\"Next\":\"Next1\"}]}"),
                        "unsupported choice operator StringContains"),
                Arguments.of(one("{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}"), "state S (Pass).Next: names no state: Nowhere"),
                Arguments.of(one("{\"Type\":\"Pass\",\"InputPath\":\"$.[\",\"End\":true}"), "invalid path $.["),
                Arguments.of(one("{\"Type\":\"Wait\",\"Seconds\":1,\"Timestamp\":\"2026-01-01T00:00:00Z\",\"End\":true}"), "exactly one of Seconds"),
                Arguments.of(one("{\"Type\":\"Pass\",\"ResultPath\":\"$..a\",\"End\":true}"), "ResultPath must be a reference path"),
                Arguments.of("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}", "unsupported QueryLanguage JSONata"),
                Arguments.of("{\"StartAt\":\"X\",\"States\":{\"S\":{\"Type\":\"Succeed\"}}}", "StartAt names no state: X"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusedAtLoadNamingWhatIsUnsupported(String definition, String message) {
        try (EngineFixture f = new EngineFixture()) {
            assertThatThrownBy(() -> f.engine.createStateMachine("bad", definition))
                    .isInstanceOf(DefinitionException.class)
                    .hasMessageContaining(message);
        }
    }

    @Test
    void theRepositoryStateMachinesLoad() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        try (EngineFixture f = new EngineFixture(); Stream<Path> files = Files.list(dir.resolve("statemachines"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".asl.json")).toList()) {
                // substitutions as the template would give them: any ${X} becomes a function ARN
                String definition = Files.readString(file).replaceAll("\\$\\{(\\w+)}", TemplateStateMachines.functionArn("$1"));
                assertThat(f.engine.createStateMachine(file.getFileName().toString().replace(".asl.json", ""), definition)).isNotBlank();
            }
        }
    }
}
