package com.carrier.numbers.functions.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Records every AWS call of the Lambda lifecycle test's function JVM, one JSON line per attempt,
 * into the file named by the {@code lifecycle.calls} system property. The SDK installs it in every
 * client it builds (a global interceptor, listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on that JVM's classpath
 * only), so the functions' code is run unchanged. Seen after signing, so it also knows which
 * access key signed the request.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {
    private static final Path FILE = System.getProperty("lifecycle.calls") == null ? null : Path.of(System.getProperty("lifecycle.calls"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    /** The request fields that name resources, whatever the service. */
    private static final Pattern RESOURCE_FIELD = Pattern.compile(".*(Name|Arn|Url|Id|Token)");
    private static volatile String phase = "init";

    /** The lifecycle phase calls are recorded under from now on. */
    public static void phase(String name) {
        phase = name;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (FILE == null) {
            return;
        }
        ObjectNode call = JSON.createObjectNode();
        call.put("phase", phase);
        call.put("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        call.put("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        SdkRequest request = context.request();
        ObjectNode fields = call.putObject("fields");
        for (SdkField<?> f : request.sdkFields()) {
            Object v = f.getValueOrDefault(request);
            if (v instanceof String s && RESOURCE_FIELD.matcher(f.memberName()).matches()) {
                fields.put(f.memberName(), s);
            }
        }
        ArrayNode items = call.putArray("items");
        if (request instanceof TransactWriteItemsRequest t) {
            for (TransactWriteItem i : t.transactItems()) {
                if (i.put() != null) {
                    item(items, "Put", i.put().tableName());
                } else if (i.update() != null) {
                    item(items, "Update", i.update().tableName());
                } else if (i.delete() != null) {
                    item(items, "Delete", i.delete().tableName());
                } else if (i.conditionCheck() != null) {
                    item(items, "ConditionCheck", i.conditionCheck().tableName());
                }
            }
        } else if (request instanceof TransactGetItemsRequest t) {
            t.transactItems().forEach(i -> item(items, "Get", i.get().tableName()));
        } else if (request instanceof BatchGetItemRequest b) {
            b.requestItems().keySet().forEach(table -> item(items, "BatchGet", table));
        } else if (request instanceof BatchWriteItemRequest b) {
            for (Map.Entry<String, ?> e : b.requestItems().entrySet()) {
                item(items, "BatchWrite", e.getKey());
            }
        }
        String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
        Matcher m = CREDENTIAL.matcher(authorization);
        call.put("accessKeyId", m.find() ? m.group(1) : null);
        call.put("sessionToken", context.httpRequest().firstMatchingHeader("X-Amz-Security-Token").isPresent());
        append(call.toString());
    }

    private static void item(ArrayNode items, String kind, String table) {
        items.addObject().put("kind", kind).put("table", table);
    }

    private static synchronized void append(String line) {
        try {
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
