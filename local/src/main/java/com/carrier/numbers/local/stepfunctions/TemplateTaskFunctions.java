package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.local.LambdaFunction;
import com.carrier.numbers.local.TemplateRoutes.FunctionDef;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task functions = the template's Lambda handlers, invoked in process as Lambda would: the payload
 * goes in as JSON through the Lambda runtime's serializers ({@link LambdaFunction}); a thrown
 * exception is reported with its class name as errorType. The local runtime builds every handler
 * once ({@link #warmAll}) after installing its platform for their no-argument constructors; they stay warm.
 */
public final class TemplateTaskFunctions implements TaskFunctions {
    private final Map<String, FunctionDef> functions;
    private final ClassLoader loader;
    private final Map<String, LambdaFunction> warm = new ConcurrentHashMap<>();

    public TemplateTaskFunctions(Map<String, FunctionDef> functions, ClassLoader loader) {
        this.functions = Map.copyOf(functions);
        this.loader = loader;
    }

    /** Builds every task handler now (Lambda's init), with the platform and environment installed at this moment. */
    public void warmAll() {
        functions.forEach((name, def) -> warm.computeIfAbsent(name, n -> LambdaFunction.load(def, loader)));
    }

    @Override
    public JsonNode invoke(String functionNameOrArn, JsonNode payload) throws LambdaError {
        String name = functionNameOrArn;
        int at = name.indexOf(":function:");
        if (at >= 0) {
            name = name.substring(at + ":function:".length());
            int qualifier = name.indexOf(':');
            if (qualifier >= 0) {
                name = name.substring(0, qualifier); // an alias or version: the same handler locally
            }
        }
        FunctionDef def = functions.get(name);
        if (def == null) {
            throw new LambdaError("Lambda.ResourceNotFoundException", "Function not found: " + functionNameOrArn);
        }
        LambdaFunction fn = warm.computeIfAbsent(name, n -> LambdaFunction.load(def, loader));
        byte[] out;
        try {
            out = fn.invoke(payload.toString());
        } catch (LambdaFunction.HandlerFailure e) {
            throw LambdaError.of(e.getCause());
        }
        try {
            return out.length == 0 ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : AslPaths.JSON.readTree(out);
        } catch (IOException e) {
            throw new LambdaError("Lambda.InvalidResponse", "the handler's result is not JSON: " + e.getMessage());
        }
    }
}
