package com.carrier.numbers.functions;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.functions.http.Json;
import java.time.Clock;
import java.util.UUID;

/**
 * The domain as the handlers' no-argument constructors get it: built once per execution
 * environment (so SnapStart snapshots it), with the DynamoDB client of {@link AwsClients}. The
 * local runtime and tests install their own with {@link #use}.
 */
public final class Platform {
    private static volatile NumbersPlatform instance;

    private Platform() {
    }

    public static NumbersPlatform get() {
        NumbersPlatform p = instance;
        if (p == null) {
            synchronized (Platform.class) {
                if (instance == null) {
                    instance = fromEnvironment();
                }
                p = instance;
            }
        }
        return p;
    }

    /** Installs the platform handlers created from now on will use (local runtime, tests). */
    public static void use(NumbersPlatform platform) {
        instance = platform;
    }

    private static NumbersPlatform fromEnvironment() {
        // Building the SDK client is single-threaded class loading; meanwhile another thread loads
        // what the first request needs besides it (Jackson, libphonenumber's metadata, SecureRandom).
        Thread warmup = new Thread(Platform::warmUp, "warm-up");
        warmup.setDaemon(true);
        warmup.start();
        return NumbersPlatform.create(AwsClients.dynamoDb(), TableNames.fromEnvironment(), Clock.systemUTC(),
                NumbersPlatform.Settings.fromEnvironment());
    }

    /** Model and marshaller classes of the calls nearly every request makes (loaded, not initialised: no init-order risk). */
    private static final String[] SDK_CLASSES = {
        "software.amazon.awssdk.services.dynamodb.model.GetItemRequest",
        "software.amazon.awssdk.services.dynamodb.model.GetItemResponse",
        "software.amazon.awssdk.services.dynamodb.transform.GetItemRequestMarshaller",
        "software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest",
        "software.amazon.awssdk.services.dynamodb.model.TransactWriteItem",
        "software.amazon.awssdk.services.dynamodb.model.Put",
        "software.amazon.awssdk.services.dynamodb.model.Update",
        "software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse",
        "software.amazon.awssdk.services.dynamodb.transform.TransactWriteItemsRequestMarshaller",
        "software.amazon.awssdk.services.dynamodb.model.QueryRequest",
        "software.amazon.awssdk.services.dynamodb.model.QueryResponse",
        "software.amazon.awssdk.services.dynamodb.transform.QueryRequestMarshaller",
    };

    private static void warmUp() {
        try {
            Json.write(Json.read("{\"data\": {\"number\": \"+14155550100\", \"amount\": 1.00}}"));
            E164.parse("+14155550100", "number");
            UUID.randomUUID(); // seeds SecureRandom: the SDK's idempotency tokens and our ids need it
            ClassLoader loader = Platform.class.getClassLoader();
            for (String name : SDK_CLASSES) {
                Class.forName(name, false, loader);
            }
        } catch (Exception | LinkageError ignored) {
            // only a head start: the request path does the same work if this did not
        }
    }

}
