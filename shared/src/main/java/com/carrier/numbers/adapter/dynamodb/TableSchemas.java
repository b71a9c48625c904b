package com.carrier.numbers.adapter.dynamodb;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.template.SamTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates the DynamoDB tables exactly as template.yaml declares them (keys, GSIs, TTL), so local
 * runs and tests cannot drift from what is deployed. Only the local runtime and tests use this
 * (jackson-dataformat-yaml is not in the Lambda jar).
 */
public final class TableSchemas {
    /** template.yaml logical id of each table -> the name the platform uses for it. */
    private final Map<String, String> names;
    /** template.yaml's tables: logical id -> Properties. */
    private final Map<String, JsonNode> tables;

    private TableSchemas(Map<String, JsonNode> tables, Map<String, String> names) {
        this.tables = tables;
        this.names = names;
    }

    /** Reads {@code template} and maps its tables to {@code tables}' names. */
    public static TableSchemas fromTemplate(Path template, TableNames tables) {
        return fromTemplate(SamTemplate.load(template), tables);
    }

    public static TableSchemas fromTemplate(SamTemplate template, TableNames tables) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("NumbersTable", tables.numbers());
        names.put("AccountsTable", tables.accounts());
        names.put("LedgerTable", tables.ledger());
        names.put("CredentialsTable", tables.credentials());
        names.put("AuditTable", tables.audit());
        names.put("IdempotencyTable", tables.idempotency());
        names.put("JobsTable", tables.jobs());
        names.put("CallActivityTable", tables.callActivity());
        names.put("PortsTable", tables.ports());
        return new TableSchemas(template.tables(), names);
    }

    /** Finds template.yaml in the working directory or one of its parents (see {@link SamTemplate#find()}). */
    public static Path findTemplate() {
        return SamTemplate.find();
    }

    /** Adds a logical id -> table name mapping (tables that later issues add). */
    public TableSchemas with(String logicalId, String tableName) {
        Map<String, String> more = new LinkedHashMap<>(names);
        more.put(logicalId, tableName);
        return new TableSchemas(tables, more);
    }

    /** The create requests of every mapped table the template declares. */
    public List<CreateTableRequest> createRequests() {
        List<CreateTableRequest> out = new ArrayList<>();
        names.forEach((logicalId, tableName) -> {
            JsonNode properties = tables.get(logicalId);
            if (properties == null) {
                throw new IllegalStateException("template.yaml has no table " + logicalId);
            }
            out.add(toRequest(tableName, properties));
        });
        return out;
    }

    /** Creates every table (an existing one, e.g. in a persisted local database, is kept) and enables TTL. */
    public void createAll(DynamoDbClient dynamo) {
        for (CreateTableRequest request : createRequests()) {
            try {
                dynamo.createTable(request);
            } catch (ResourceInUseException alreadyThere) {
                continue;
            }
            JsonNode ttl = tables.get(logicalIdOf(request.tableName())).path("TimeToLiveSpecification");
            if (ttl.path("Enabled").asBoolean(false)) {
                dynamo.updateTimeToLive(b -> b.tableName(request.tableName()).timeToLiveSpecification(
                        TimeToLiveSpecification.builder().attributeName(ttl.path("AttributeName").asText()).enabled(true).build()));
            }
        }
    }

    private String logicalIdOf(String tableName) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(tableName)).findFirst().orElseThrow().getKey();
    }

    private static CreateTableRequest toRequest(String tableName, JsonNode props) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        props.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        props.path("GlobalSecondaryIndexes").forEach(g -> {
            Projection.Builder projection = Projection.builder().projectionType(g.path("Projection").path("ProjectionType").asText());
            List<String> nonKey = new ArrayList<>();
            g.path("Projection").path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
            if (!nonKey.isEmpty()) {
                projection.nonKeyAttributes(nonKey);
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(g.path("IndexName").asText())
                    .keySchema(keySchema(g.path("KeySchema")))
                    .projection(projection.build())
                    .build());
        });
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(props.path("KeySchema")));
        if (!indexes.isEmpty()) {
            b.globalSecondaryIndexes(indexes);
        }
        return b.build();
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> out = new ArrayList<>();
        keys.forEach(k -> out.add(KeySchemaElement.builder()
                .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build()));
        return out;
    }
}
