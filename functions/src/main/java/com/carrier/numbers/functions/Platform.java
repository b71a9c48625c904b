package com.carrier.numbers.functions;

import com.carrier.numbers.Env;
import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.TableNames;
import com.carrier.numbers.adapter.sqs.SqsProvisioningQueue;
import com.carrier.numbers.port.ProvisioningQueue;
import com.carrier.numbers.adapter.stepfunctions.StepFunctionsWorkflows;
import com.carrier.numbers.domain.CallbackSignature;
import com.carrier.numbers.port.Workflows;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
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
        callbackSignature = null; // read again from the environment, as a new execution environment would
    }

    private static NumbersPlatform fromEnvironment() {
        // Building the SDK client is single-threaded class loading; meanwhile another thread loads
        // what the first request needs besides it (Jackson, libphonenumber's metadata, SecureRandom).
        Thread warmup = new Thread(Platform::warmUp, "warm-up");
        warmup.setDaemon(true);
        warmup.start();
        // Only functions whose environment names a state machine or the queue build those clients (cold start).
        Workflows workflows = usesStateMachines() ? StepFunctionsWorkflows.fromEnvironment(
                AwsClients.configure(SfnClient.builder(), "STEPFUNCTIONS_ENDPOINT").build()) : null;
        return NumbersPlatform.create(AwsClients.dynamoDb(), TableNames.fromEnvironment(), Clock.systemUTC(),
                NumbersPlatform.Settings.fromEnvironment(), workflows, provisioningQueue());
    }

    /** Only functions whose environment names a state machine get a Step Functions client. */
    private static boolean usesStateMachines() {
        for (Workflows.Machine m : Workflows.Machine.values()) {
            if (Env.get(m.environmentName(), null) != null) {
                return true;
            }
        }
        return false;
    }

    private static volatile CallbackSignature callbackSignature;

    /**
     * The carrier callback's signing secret: on AWS the Secrets Manager secret the template
     * generates (CARRIER_CALLBACK_SECRET_ARN), read once per execution environment; locally and in
     * tests a fixed secret (CARRIER_CALLBACK_SECRET, default {@link #LOCAL_CALLBACK_SECRET}).
     */
    public static CallbackSignature callbackSignature() {
        CallbackSignature s = callbackSignature;
        if (s == null) {
            synchronized (Platform.class) {
                if (callbackSignature == null) {
                    String arn = Env.get("CARRIER_CALLBACK_SECRET_ARN", null);
                    callbackSignature = new CallbackSignature(arn == null
                            ? Env.get("CARRIER_CALLBACK_SECRET", LOCAL_CALLBACK_SECRET)
                            : secretValue(arn));
                }
                s = callbackSignature;
            }
        }
        return s;
    }

    /** The fixed secret of the local runtime and the tests (never used on AWS, where the secret is generated). */
    public static final String LOCAL_CALLBACK_SECRET = "local-carrier-callback-secret";

    private static String secretValue(String arn) {
        try (SecretsManagerClient secrets = AwsClients.configure(SecretsManagerClient.builder(), "SECRETSMANAGER_ENDPOINT").build()) {
            return secrets.getSecretValue(b -> b.secretId(arn)).secretString();
        }
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


    /** Only functions given PROVISIONING_QUEUE_URL build an SQS client (the others keep their cold start). */
    private static ProvisioningQueue provisioningQueue() {
        String url = Env.get("PROVISIONING_QUEUE_URL", null);
        return url == null ? null : new SqsProvisioningQueue(AwsClients.sqs(), url);
    }
}
