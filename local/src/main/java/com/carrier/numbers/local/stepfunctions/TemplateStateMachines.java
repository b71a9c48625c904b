package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.template.SamTemplate;
import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's {@code AWS::Serverless::StateMachine} resources: the definition file
 * ({@code DefinitionUri}) with its {@code DefinitionSubstitutions} applied, and the template's functions.
 *
 * <p>Jackson YAML reads CloudFormation short tags as their plain scalar values:
 * {@code !GetAtt Fn.Arn} reads {@code Fn.Arn}, {@code !Ref Fn.Alias} {@code Fn.Alias}, {@code !Ref X} {@code X},
 * {@code !Sub "...${Fn.Arn}..."} the string with its {@code ${}} references. A value naming a function
 * becomes that function's local ARN ({@link #functionArn}), which the engine's task invoker maps back to
 * the handler; a parameter becomes its Default; {@code AWS::Region}/{@code AWS::AccountId} the local ones.
 */
public final class TemplateStateMachines {
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /** A state machine of the template: logical id and its definition as deployed. */
    public record MachineDef(String logicalId, String definitionJson) {
    }

    private final Map<String, MachineDef> machines;
    private final Map<String, FunctionDef> functions;

    private TemplateStateMachines(Map<String, MachineDef> machines, Map<String, FunctionDef> functions) {
        this.machines = Map.copyOf(machines);
        this.functions = Map.copyOf(functions);
    }

    public Map<String, MachineDef> machines() {
        return machines;
    }

    public Map<String, FunctionDef> functions() {
        return functions;
    }

    /** The local ARN of a template function (what the task invoker resolves). */
    public static String functionArn(String logicalId) {
        return "arn:aws:lambda:" + StepFunctionsEngine.REGION + ":" + StepFunctionsEngine.ACCOUNT + ":function:" + logicalId;
    }

    public static TemplateStateMachines read(Path template) {
        return of(SamTemplate.load(template));
    }

    public static TemplateStateMachines of(SamTemplate template) {
        JsonNode root = template.json();
        Map<String, MachineDef> machines = new LinkedHashMap<>();
        for (SamTemplate.StateMachine m : template.stateMachines()) {
            String definition;
            if (m.definitionUri() != null) {
                try {
                    definition = Files.readString(m.definitionUri());
                } catch (IOException e) {
                    throw new UncheckedIOException(m.logicalId() + ": cannot read DefinitionUri " + m.definitionUri(), e);
                }
            } else {
                definition = m.inlineDefinition().toString();
            }
            Map<String, String> subs = new LinkedHashMap<>();
            m.substitutions().forEach((k, v) -> subs.put(k, resolve(v, root)));
            machines.put(m.logicalId(), new MachineDef(m.logicalId(), substitute(definition, subs, m.logicalId())));
        }
        Map<String, FunctionDef> functions = new LinkedHashMap<>();
        for (SamTemplate.Function f : template.functions()) {
            functions.put(f.logicalId(), new FunctionDef(f.logicalId(), f.handler(), f.timeoutSeconds()));
        }
        return new TemplateStateMachines(machines, functions);
    }

    /** Applies {@code ${Name}} substitutions as SAM does; an unknown one is an error, not a silent blank. */
    static String substitute(String definition, Map<String, String> subs, String machine) {
        Matcher m = SUB.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = subs.get(m.group(1));
            if (value == null) {
                throw new DefinitionException(machine + ": DefinitionSubstitutions has no " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A substitution value as CloudFormation would resolve it, with local ARNs for the template's resources. */
    static String resolve(JsonNode value, JsonNode root) {
        JsonNode resources = root.path("Resources");
        if (value.isObject()) {
            if (value.has("Ref")) {
                return ref(value.get("Ref").asText(), root);
            }
            if (value.has("Fn::GetAtt")) {
                JsonNode g = value.get("Fn::GetAtt");
                return ref(g.isArray() ? g.get(0).asText() + "." + g.get(1).asText() : g.asText(), root);
            }
            if (value.has("Fn::Sub")) {
                return sub(value.get("Fn::Sub").isArray() ? value.get("Fn::Sub").get(0).asText() : value.get("Fn::Sub").asText(), root);
            }
            throw new IllegalStateException("unsupported substitution value " + value);
        }
        String s = value.asText();
        if (s.contains("${")) {
            return sub(s, root);
        }
        Matcher attr = Pattern.compile("([A-Za-z0-9]+)\\.(Arn|Alias|Name)").matcher(s);
        if (attr.matches() && resources.has(attr.group(1)) || resources.has(s) || root.path("Parameters").has(s)) {
            return ref(s, root);
        }
        return s;
    }

    private static String sub(String s, JsonNode root) {
        Matcher m = SUB.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(ref(m.group(1), root)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String ref(String name, JsonNode root) {
        switch (name) {
            case "AWS::Region" -> { return StepFunctionsEngine.REGION; }
            case "AWS::AccountId" -> { return StepFunctionsEngine.ACCOUNT; }
            case "AWS::Partition" -> { return "aws"; }
            case "AWS::StackName" -> { return "local"; }
            default -> { }
        }
        String logicalId = name.replaceFirst("\\.(Arn|Alias|Name)$", "");
        JsonNode resource = root.path("Resources").path(logicalId);
        if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
            if (name.endsWith(".Arn")) {
                return functionArn(logicalId);
            }
            if (name.endsWith(".Alias")) { // SAM's AutoPublishAlias: the alias ARN, same handler locally
                return functionArn(logicalId) + ":" + resource.path("Properties").path("AutoPublishAlias").asText("live");
            }
            return logicalId; // !Ref of a function is its name; locally the name is the logical id
        }
        if (root.path("Parameters").has(name)) {
            return root.path("Parameters").path(name).path("Default").asText("");
        }
        if (!resource.isMissingNode()) {
            return logicalId; // a table or queue: its local name is its logical id
        }
        throw new IllegalStateException("substitution names nothing in the template: " + name);
    }
}
