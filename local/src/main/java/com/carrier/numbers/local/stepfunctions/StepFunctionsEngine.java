package com.carrier.numbers.local.stepfunctions;

import com.carrier.numbers.local.stepfunctions.Execution.Phase;
import com.carrier.numbers.local.stepfunctions.StateMachine.State;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An in-JVM Amazon States Language engine (Standard workflows, JSONPath): it runs the ASL files
 * of {@code statemachines/} as written, for the local runtime and the tests.
 *
 * <p>Supported: Task (Lambda: {@code arn:aws:states:::lambda:invoke}, its {@code .waitForTaskToken}
 * form, and a plain function ARN), Wait (Seconds, SecondsPath, Timestamp, TimestampPath), Choice (every
 * comparison and its Path form, And/Or/Not, IsPresent/IsNull/IsNumeric/IsString/IsBoolean/IsTimestamp,
 * StringMatches), Pass, Succeed, Fail (Error/Cause and their Path forms); Retry (ErrorEquals,
 * IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy FULL/NONE), Catch
 * (ErrorEquals, ResultPath, Next), TimeoutSeconds(Path), HeartbeatSeconds(Path) with SendTaskHeartbeat,
 * InputPath/Parameters/ResultSelector/ResultPath/OutputPath, the context object and the intrinsic functions
 * of {@link Intrinsics#SUPPORTED}. Map and Parallel states, other service integrations and JSONata are
 * refused at load ({@link DefinitionException}) naming what is missing.
 *
 * <p>Task results are shaped as Step Functions gives them: {@code lambda:invoke} answers
 * {@code {"ExecutedVersion","Payload","SdkHttpMetadata","SdkResponseMetadata","StatusCode":200}}, a
 * plain function ARN answers the function's output, {@code .waitForTaskToken} answers the
 * SendTaskSuccess output.
 *
 * <p>Errors. A Lambda function that throws fails the task with Error = the {@code errorType} of
 * Lambda's error response, which for a Java handler is the exception's <b>fully qualified class
 * name</b> ({@code Class.getName()}, e.g. {@code java.lang.IllegalStateException} or
 * {@code com.carrier.numbers.domain.CarrierUnavailableException}; nested classes with {@code $}), as the
 * aws-lambda-java runtime interface client builds it in {@code UserFault.makeUserFault}; Cause = the JSON
 * error document {@code {"errorMessage","errorType","stackTrace"}}. So a definition's
 * {@code Catch}/{@code Retry} {@code ErrorEquals} names exception classes fully qualified. A task
 * timeout is {@code States.Timeout}; a missed heartbeat is {@code States.HeartbeatTimeout}, which
 * {@code States.Timeout} also matches. {@code States.TaskFailed} matches every task error but
 * {@code States.Timeout}; {@code States.ALL} matches everything but {@code States.Runtime} (a path
 * that resolves to nothing, as in Step Functions, fails the execution). An unknown function is
 * {@code Lambda.ResourceNotFoundException}.
 *
 * <p>Time. Waits, timeouts, heartbeats and retry intervals run on {@link WorkflowTime} (scaled);
 * every timestamp ({@code $$.Execution.StartTime}, {@code $$.State.EnteredTime}) is wall-clock.
 *
 * <p>Threads. Nothing blocks a caller: states run on virtual threads, waits and timeouts on one
 * scheduler thread. With a persistence directory each execution's state is written after every
 * step and resumed by {@link #resumePersisted()}; a function invocation that was in flight when the
 * JVM stopped is invoked again (at least once, as Lambda's own retries are).
 */
public final class StepFunctionsEngine implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskFunctions functions;
    private final WorkflowTime time;
    private final Clock clock;
    private final Path persistDir;
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Map<String, Execution> tokens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    public StepFunctionsEngine(TaskFunctions functions, WorkflowTime time, Clock clock, Path persistDir) {
        this.functions = functions;
        this.time = time;
        this.clock = clock;
        this.persistDir = persistDir;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stepfunctions-timers");
            t.setDaemon(true);
            return t;
        });
        if (persistDir != null) {
            try {
                Files.createDirectories(persistDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public StepFunctionsEngine(TaskFunctions functions, WorkflowTime time) {
        this(functions, time, Clock.systemUTC(), null);
    }

    public WorkflowTime time() {
        return time;
    }

    /** Loads a definition (refused with a {@link DefinitionException} naming anything unsupported) and answers its ARN. */
    public String createStateMachine(String name, String definitionJson) {
        StateMachine machine = StateMachine.parse(name, definitionJson);
        String arn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
        machines.put(arn, machine);
        return arn;
    }

    public static String executionArn(String machineArn, String executionName) {
        return machineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }

    /**
     * Starts an execution. Idempotent by name: if one of that name exists (running or finished),
     * nothing starts and the answer is false.
     */
    public boolean startExecution(String machineArn, String executionName, String inputJson) {
        StateMachine machine = machine(machineArn);
        if (executionName == null || !executionName.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new IllegalArgumentException("InvalidName: execution name must be 1-80 of A-Z a-z 0-9 - _: " + executionName);
        }
        JsonNode input;
        try {
            input = AslPaths.JSON.readTree(inputJson == null || inputJson.isBlank() ? "{}" : inputJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("InvalidExecutionInput: " + e.getOriginalMessage());
        }
        String arn = executionArn(machineArn, executionName);
        Instant now = clock.instant();
        Execution ex = new Execution(arn, executionName, machineArn, input, now);
        if (executions.putIfAbsent(arn, ex) != null) {
            return false;
        }
        ex.lock.lock();
        try {
            if (machine.timeoutSeconds() != null) {
                ex.executionTimeoutAt = now.plusMillis(time.realMillis(machine.timeoutSeconds()));
                armExecutionTimeout(ex);
            }
            enter(ex, machine.startAt(), input);
        } finally {
            ex.lock.unlock();
        }
        return true;
    }

    /** Stops a running execution: ABORTED. A finished or unknown one is left alone. */
    public void stopExecution(String executionArn, String error, String cause) {
        Execution ex = executions.get(executionArn);
        if (ex == null) {
            return;
        }
        ex.lock.lock();
        try {
            if (ex.status == WorkflowStatus.RUNNING) {
                finish(ex, WorkflowStatus.ABORTED, null, error, cause);
            }
        } finally {
            ex.lock.unlock();
        }
    }

    /** Completes a waiting {@code .waitForTaskToken} task. @throws TaskTokenException for an unknown, finished or timed-out token */
    public void sendTaskSuccess(String token, String outputJson) {
        JsonNode output;
        try {
            output = AslPaths.JSON.readTree(outputJson == null ? "null" : outputJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("InvalidOutput: " + e.getOriginalMessage());
        }
        Execution ex = waitingOn(token);
        ex.lock.lock();
        try {
            checkToken(ex, token);
            taskSucceeded(ex, ex.step, output);
        } finally {
            ex.lock.unlock();
        }
    }

    public void sendTaskFailure(String token, String error, String cause) {
        Execution ex = waitingOn(token);
        ex.lock.lock();
        try {
            checkToken(ex, token);
            taskFailed(ex, ex.step, error == null ? "" : error, cause);
        } finally {
            ex.lock.unlock();
        }
    }

    /** Resets the heartbeat timer of a waiting task. */
    public void sendTaskHeartbeat(String token) {
        Execution ex = waitingOn(token);
        ex.lock.lock();
        try {
            checkToken(ex, token);
            State s = machine(ex.machineArn).state(ex.state);
            Integer heartbeat = seconds(s, "HeartbeatSeconds", ex);
            if (heartbeat != null) {
                ex.heartbeatAt = clock.instant().plusMillis(time.realMillis(heartbeat));
                persist(ex);
                armTaskTimers(ex, ex.step);
            }
        } finally {
            ex.lock.unlock();
        }
    }

    /** A snapshot of an execution. */
    public record ExecutionView(String arn, String name, WorkflowStatus status, String input, String output, String error,
                                String cause, List<String> visitedStates, String currentState, List<String> waitingTokens,
                                List<String> events) {
    }

    public Optional<ExecutionView> describe(String executionArn) {
        Execution ex = executions.get(executionArn);
        if (ex == null) {
            return Optional.empty();
        }
        ex.lock.lock();
        try {
            return Optional.of(new ExecutionView(ex.arn, ex.name, ex.status, ex.input.toString(),
                    ex.output == null ? null : ex.output.toString(), ex.error, ex.cause, List.copyOf(ex.visited),
                    ex.status == WorkflowStatus.RUNNING ? ex.state : null,
                    ex.token == null ? List.of() : List.of(ex.token), List.copyOf(ex.events)));
        } finally {
            ex.lock.unlock();
        }
    }

    /** Waits (polling) until the execution is no longer RUNNING; for tests and tools. */
    public ExecutionView awaitEnd(String executionArn, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ExecutionView v = describe(executionArn).orElseThrow(() -> new IllegalArgumentException("ExecutionDoesNotExist: " + executionArn));
            if (v.status() != WorkflowStatus.RUNNING || System.nanoTime() > deadline) {
                return v;
            }
            Thread.sleep(5);
        }
    }

    public List<ExecutionView> executions() {
        return executions.keySet().stream().sorted().map(a -> describe(a).orElseThrow()).toList();
    }

    /** Resumes the executions persisted under the directory (after the machines are created again). */
    public int resumePersisted() {
        if (persistDir == null) {
            return 0;
        }
        List<Execution> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(persistDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Execution ex = Execution.fromJson(AslPaths.JSON.readTree(f.toFile()));
                if (!machines.containsKey(ex.machineArn)) {
                    continue; // the template no longer has this machine
                }
                if (executions.putIfAbsent(ex.arn, ex) == null) {
                    loaded.add(ex);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read executions in " + persistDir, e);
        }
        int resumed = 0;
        for (Execution ex : loaded) {
            ex.lock.lock();
            try {
                if (ex.status != WorkflowStatus.RUNNING) {
                    continue;
                }
                resumed++;
                armExecutionTimeout(ex);
                switch (ex.phase) {
                    case ENTERING, TASK_RUNNING -> { // an invocation in flight when the JVM stopped runs again
                        ex.phase = Phase.ENTERING;
                        long step = ++ex.step;
                        workers.execute(() -> drive(ex, step));
                    }
                    case WAITING -> schedule(ex.resumeAt, ex, ex.step, () -> afterWait(ex, ex.step));
                    case RETRY_PENDING -> {
                        long step = ex.step;
                        schedule(ex.resumeAt, ex, step, () -> retryNow(ex, step));
                    }
                    case TASK_WAITING_TOKEN -> {
                        tokens.put(ex.token, ex);
                        armTaskTimers(ex, ex.step);
                    }
                    case DONE -> { }
                }
            } finally {
                ex.lock.unlock();
            }
        }
        return resumed;
    }

    /**
     * Stops the engine: timers and workers end, and nothing is written any more, so a persisted
     * execution stays as it was at its last step and resumes from there.
     */
    @Override
    public void close() {
        closed = true;
        timers.shutdownNow();
        workers.shutdownNow();
    }

    // ---- the interpreter ----

    private StateMachine machine(String arn) {
        StateMachine m = machines.get(arn);
        if (m == null) {
            throw new IllegalArgumentException("StateMachineDoesNotExist: " + arn);
        }
        return m;
    }

    /** Enters a state (lock held): history, context, then runs it on a worker. */
    private void enter(Execution ex, String stateName, JsonNode input) {
        ex.state = stateName;
        ex.stateInput = input;
        ex.stateEnteredTime = clock.instant();
        ex.phase = Phase.ENTERING;
        ex.retries.clear();
        ex.retryCount = 0;
        ex.token = null;
        ex.resumeAt = null;
        ex.taskTimeoutAt = null;
        ex.heartbeatAt = null;
        ex.visited.add(stateName);
        ex.events.add("StateEntered " + stateName);
        long step = ++ex.step;
        persist(ex);
        workers.execute(() -> drive(ex, step));
    }

    /** Runs the current state of an execution, if it is still at {@code step}. */
    private void drive(Execution ex, long step) {
        ex.lock.lock();
        try {
            if (closed || ex.status != WorkflowStatus.RUNNING || ex.step != step) {
                return;
            }
            State s = machine(ex.machineArn).state(ex.state);
            JsonNode context = ex.context(null);
            try {
                switch (s.type()) {
                    case "Pass" -> {
                        JsonNode effective = AslPaths.select(s.text("InputPath"), s.has("InputPath"), ex.stateInput, context);
                        if (s.has("Parameters")) {
                            effective = AslPaths.template(s.get("Parameters"), effective, context);
                        }
                        JsonNode result = s.has("Result") ? s.get("Result").deepCopy() : effective;
                        next(ex, s, output(s, ex.stateInput, result, context, s.text("ResultPath"), s.has("ResultPath")));
                    }
                    case "Choice" -> {
                        JsonNode effective = AslPaths.select(s.text("InputPath"), s.has("InputPath"), ex.stateInput, context);
                        String target = null;
                        for (JsonNode rule : s.get("Choices")) {
                            if (ChoiceRules.matches(rule, effective, context)) {
                                target = rule.get("Next").asText();
                                break;
                            }
                        }
                        if (target == null) {
                            target = s.text("Default");
                        }
                        if (target == null) {
                            throw new StatesError("States.NoChoiceMatched", "No Matches!");
                        }
                        JsonNode out = AslPaths.select(s.text("OutputPath"), s.has("OutputPath"), effective, context);
                        enter(ex, target, out);
                    }
                    case "Succeed" -> {
                        JsonNode effective = AslPaths.select(s.text("InputPath"), s.has("InputPath"), ex.stateInput, context);
                        finish(ex, WorkflowStatus.SUCCEEDED,
                                AslPaths.select(s.text("OutputPath"), s.has("OutputPath"), effective, context), null, null);
                    }
                    case "Fail" -> {
                        String error = s.has("ErrorPath") ? AslPaths.read(s.text("ErrorPath"), ex.stateInput, context).asText() : s.text("Error");
                        String cause = s.has("CausePath") ? AslPaths.read(s.text("CausePath"), ex.stateInput, context).asText() : s.text("Cause");
                        finish(ex, WorkflowStatus.FAILED, null, error, cause);
                    }
                    case "Wait" -> startWait(ex, s, context);
                    case "Task" -> startTask(ex, s);
                    default -> throw StatesError.runtime("unsupported state type " + s.type());
                }
            } catch (StatesError e) {
                if (s.type().equals("Task")) {
                    taskFailed(ex, ex.step, e.error(), e.causeText());
                } else {
                    finish(ex, WorkflowStatus.FAILED, null, e.error(), e.causeText());
                }
            }
        } catch (RuntimeException e) {
            finish(ex, WorkflowStatus.FAILED, null, "States.Runtime", String.valueOf(e));
        } finally {
            ex.lock.unlock();
        }
    }

    private void startWait(Execution ex, State s, JsonNode context) {
        JsonNode effective = AslPaths.select(s.text("InputPath"), s.has("InputPath"), ex.stateInput, context);
        Instant entered = ex.stateEnteredTime;
        Instant resumeAt;
        if (s.has("Seconds") || s.has("SecondsPath")) {
            JsonNode seconds = s.has("Seconds") ? s.get("Seconds") : AslPaths.read(s.text("SecondsPath"), effective, context);
            if (!seconds.isNumber() || seconds.asDouble() < 0) {
                throw StatesError.runtime("Wait " + s.name() + ": seconds must be a non-negative number, got " + seconds);
            }
            resumeAt = entered.plusMillis(time.realMillis(seconds.asDouble()));
        } else {
            JsonNode ts = s.has("Timestamp") ? s.get("Timestamp") : AslPaths.read(s.text("TimestampPath"), effective, context);
            OffsetDateTime until = ts.isTextual() ? ChoiceRules.timestamp(ts.asText()) : null;
            if (until == null) {
                throw StatesError.runtime("Wait " + s.name() + ": not an ISO-8601 timestamp: " + ts);
            }
            resumeAt = time.realDeadline(entered, until.toInstant());
        }
        ex.phase = Phase.WAITING;
        ex.resumeAt = resumeAt;
        long step = ++ex.step;
        persist(ex);
        schedule(resumeAt, ex, step, () -> afterWait(ex, step));
    }

    private void afterWait(Execution ex, long step) {
        ex.lock.lock();
        try {
            if (closed || ex.status != WorkflowStatus.RUNNING || ex.step != step) {
                return;
            }
            State s = machine(ex.machineArn).state(ex.state);
            JsonNode context = ex.context(null);
            JsonNode effective = AslPaths.select(s.text("InputPath"), s.has("InputPath"), ex.stateInput, context);
            next(ex, s, AslPaths.select(s.text("OutputPath"), s.has("OutputPath"), effective, context));
        } catch (StatesError e) {
            finish(ex, WorkflowStatus.FAILED, null, e.error(), e.causeText());
        } finally {
            ex.lock.unlock();
        }
    }

    /** Starts one attempt of a Task (lock held). */
    private void startTask(Execution ex, State s) {
        String resource = s.text("Resource");
        boolean waitForToken = resource.equals(StateMachine.LAMBDA_INVOKE_TOKEN);
        String token = waitForToken ? newToken() : null;
        JsonNode context = ex.context(token);
        JsonNode effective = AslPaths.select(s.text("InputPath"), s.has("InputPath"), ex.stateInput, context);
        if (s.has("Parameters")) {
            effective = AslPaths.template(s.get("Parameters"), effective, context);
        }
        Integer timeout = seconds(s, "TimeoutSeconds", ex);
        Integer heartbeat = seconds(s, "HeartbeatSeconds", ex);
        Instant now = clock.instant();
        ex.taskTimeoutAt = timeout == null ? null : now.plusMillis(time.realMillis(timeout));
        ex.heartbeatAt = heartbeat == null ? null : now.plusMillis(time.realMillis(heartbeat));
        ex.resumeAt = null;
        long step = ++ex.step;
        if (waitForToken) {
            ex.token = token;
            tokens.put(token, ex);
        }
        ex.phase = waitForToken ? Phase.TASK_WAITING_TOKEN : Phase.TASK_RUNNING;
        boolean serviceIntegration = resource.startsWith("arn:aws:states:::lambda:invoke");
        String function = serviceIntegration ? effective.path("FunctionName").asText() : resource;
        ex.events.add("TaskScheduled " + s.name() + " " + function);
        persist(ex);
        armTaskTimers(ex, step);

        JsonNode payload = serviceIntegration ? effective.has("Payload") ? effective.get("Payload") : AslPaths.JSON.createObjectNode() : effective;
        workers.execute(() -> {
            JsonNode result;
            try {
                result = functions.invoke(function, payload);
            } catch (TaskFunctions.LambdaError e) {
                fail(ex, step, e.errorType(), lambdaCause(e));
                return;
            } catch (RuntimeException e) {
                fail(ex, step, "States.TaskFailed", String.valueOf(e));
                return;
            }
            if (!waitForToken) {
                succeed(ex, step, serviceIntegration ? invokeResponse(result) : result);
            }
        });
    }

    private void succeed(Execution ex, long step, JsonNode result) {
        ex.lock.lock();
        try {
            taskSucceeded(ex, step, result);
        } finally {
            ex.lock.unlock();
        }
    }

    private void fail(Execution ex, long step, String error, String cause) {
        ex.lock.lock();
        try {
            taskFailed(ex, step, error, cause);
        } finally {
            ex.lock.unlock();
        }
    }

    /** A task's result (lock held): ResultSelector, ResultPath, OutputPath, then the next state. */
    private void taskSucceeded(Execution ex, long step, JsonNode result) {
        if (closed || ex.status != WorkflowStatus.RUNNING || ex.step != step) {
            return;
        }
        clearToken(ex);
        State s = machine(ex.machineArn).state(ex.state);
        ex.events.add("TaskSucceeded " + s.name());
        JsonNode context = ex.context(null);
        try {
            JsonNode selected = s.has("ResultSelector") ? AslPaths.template(s.get("ResultSelector"), result, context) : result;
            next(ex, s, output(s, ex.stateInput, selected, context, s.text("ResultPath"), s.has("ResultPath")));
        } catch (StatesError e) {
            finish(ex, WorkflowStatus.FAILED, null, e.error(), e.causeText());
        }
    }

    /** A task's error (lock held): the first matching retrier retries, else the first matching catcher routes, else the execution fails. */
    private void taskFailed(Execution ex, long step, String error, String cause) {
        if (closed || ex.status != WorkflowStatus.RUNNING || ex.step != step) {
            return;
        }
        clearToken(ex);
        State s = machine(ex.machineArn).state(ex.state);
        ex.events.add("TaskFailed " + s.name() + " " + error);
        if (s.has("Retry")) {
            int i = 0;
            for (JsonNode retrier : s.get("Retry")) {
                if (matches(retrier.get("ErrorEquals"), error)) {
                    int attempts = ex.retries.getOrDefault(i, 0);
                    int max = retrier.path("MaxAttempts").asInt(3);
                    if (attempts < max) {
                        double delay = retrier.path("IntervalSeconds").asDouble(1) * Math.pow(retrier.path("BackoffRate").asDouble(2.0), attempts);
                        if (retrier.has("MaxDelaySeconds")) {
                            delay = Math.min(delay, retrier.get("MaxDelaySeconds").asDouble());
                        }
                        if ("FULL".equals(retrier.path("JitterStrategy").asText())) {
                            delay = RANDOM.nextDouble() * delay;
                        }
                        ex.retries.put(i, attempts + 1);
                        ex.retryCount++;
                        ex.events.add("RetryScheduled " + s.name() + " " + delay);
                        ex.phase = Phase.RETRY_PENDING;
                        ex.resumeAt = clock.instant().plusMillis(time.realMillis(delay));
                        long next = ++ex.step;
                        persist(ex);
                        schedule(ex.resumeAt, ex, next, () -> retryNow(ex, next));
                        return;
                    }
                    break; // the first matching retrier is exhausted: on to Catch
                }
                i++;
            }
        }
        if (s.has("Catch")) {
            for (JsonNode catcher : s.get("Catch")) {
                if (matches(catcher.get("ErrorEquals"), error)) {
                    ObjectNode errorOutput = AslPaths.JSON.createObjectNode();
                    errorOutput.put("Error", error);
                    errorOutput.put("Cause", cause);
                    try {
                        boolean hasPath = catcher.has("ResultPath");
                        String path = hasPath && !catcher.get("ResultPath").isNull() ? catcher.get("ResultPath").asText() : null;
                        enter(ex, catcher.get("Next").asText(), AslPaths.placeResult(path, hasPath, ex.stateInput, errorOutput));
                    } catch (StatesError e) {
                        finish(ex, WorkflowStatus.FAILED, null, e.error(), e.causeText());
                    }
                    return;
                }
            }
        }
        finish(ex, WorkflowStatus.FAILED, null, error, cause);
    }

    private void retryNow(Execution ex, long step) {
        ex.lock.lock();
        try {
            if (closed || ex.status != WorkflowStatus.RUNNING || ex.step != step) {
                return;
            }
            ex.phase = Phase.ENTERING;
            long next = ++ex.step;
            persist(ex);
            workers.execute(() -> drive(ex, next));
        } finally {
            ex.lock.unlock();
        }
    }

    /** Error matching of Retry and Catch. */
    static boolean matches(JsonNode errorEquals, String error) {
        for (JsonNode e : errorEquals) {
            String name = e.asText();
            if (name.equals(error)
                    || name.equals("States.ALL") && !error.equals("States.Runtime") && !error.equals("States.DataLimitExceeded")
                    || name.equals("States.TaskFailed") && !error.equals("States.Timeout") && !error.equals("States.HeartbeatTimeout")
                            && !error.equals("States.Runtime") && !error.equals("States.DataLimitExceeded")
                    || name.equals("States.Timeout") && error.equals("States.HeartbeatTimeout")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode output(State s, JsonNode rawInput, JsonNode result, JsonNode context, String resultPath, boolean hasResultPath) {
        JsonNode combined = AslPaths.placeResult(resultPath, hasResultPath, rawInput, result);
        return AslPaths.select(s.text("OutputPath"), s.has("OutputPath"), combined, context);
    }

    private void next(Execution ex, State s, JsonNode output) {
        if (s.end()) {
            finish(ex, WorkflowStatus.SUCCEEDED, output, null, null);
        } else {
            enter(ex, s.text("Next"), output);
        }
    }

    private void finish(Execution ex, WorkflowStatus status, JsonNode output, String error, String cause) {
        clearToken(ex);
        ex.events.add("Execution" + status + (error == null ? "" : " " + error));
        ex.status = status;
        ex.output = output;
        ex.error = error;
        ex.cause = cause;
        ex.stopTime = clock.instant();
        ex.phase = Phase.DONE;
        ex.step++;
        persist(ex);
    }

    private void clearToken(Execution ex) {
        if (ex.token != null) {
            tokens.remove(ex.token);
            ex.token = null;
        }
        ex.taskTimeoutAt = null;
        ex.heartbeatAt = null;
    }

    private Integer seconds(State s, String field, Execution ex) {
        if (s.has(field)) {
            return s.get(field).asInt();
        }
        if (s.has(field + "Path")) {
            JsonNode v = AslPaths.read(s.text(field + "Path"), ex.stateInput, ex.context(null));
            if (!v.canConvertToInt() || v.asInt() <= 0) {
                throw StatesError.runtime(field + "Path " + s.text(field + "Path") + " must give a positive integer, got " + v);
            }
            return v.asInt();
        }
        return null;
    }

    private void armTaskTimers(Execution ex, long step) {
        if (ex.taskTimeoutAt != null) {
            schedule(ex.taskTimeoutAt, ex, step, () -> fail(ex, step, "States.Timeout", null));
        }
        if (ex.heartbeatAt != null) {
            Instant armedFor = ex.heartbeatAt;
            schedule(armedFor, ex, step, () -> {
                ex.lock.lock();
                try {
                    // a heartbeat since then moved the deadline: that timer will fire instead
                    if (armedFor.equals(ex.heartbeatAt)) {
                        taskFailed(ex, step, "States.HeartbeatTimeout", null);
                    }
                } finally {
                    ex.lock.unlock();
                }
            });
        }
    }

    private void armExecutionTimeout(Execution ex) {
        if (ex.executionTimeoutAt != null) {
            schedule(ex.executionTimeoutAt, ex, -1, () -> {
                ex.lock.lock();
                try {
                    if (!closed && ex.status == WorkflowStatus.RUNNING) {
                        finish(ex, WorkflowStatus.TIMED_OUT, null, "States.Timeout", "The execution ran longer than its TimeoutSeconds");
                    }
                } finally {
                    ex.lock.unlock();
                }
            });
        }
    }

    private void schedule(Instant at, Execution ex, long step, Runnable action) {
        if (closed) {
            return;
        }
        long delay = Math.max(0, at.toEpochMilli() - clock.millis());
        timers.schedule(() -> workers.execute(action), delay, TimeUnit.MILLISECONDS);
    }

    private Execution waitingOn(String token) {
        Execution ex = token == null ? null : tokens.get(token);
        if (ex == null) {
            throw new TaskTokenException("TaskDoesNotExist", "no task waits for this token (unknown, answered, timed out or stopped)");
        }
        return ex;
    }

    private static void checkToken(Execution ex, String token) {
        if (ex.status != WorkflowStatus.RUNNING || !token.equals(ex.token)) {
            throw new TaskTokenException("TaskTimedOut", "the task of this token is no longer waiting");
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode invokeResponse(JsonNode payload) {
        ObjectNode r = AslPaths.JSON.createObjectNode();
        r.put("ExecutedVersion", "$LATEST");
        r.set("Payload", payload);
        String requestId = UUID.randomUUID().toString();
        ObjectNode http = r.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("AllHttpHeaders");
        headers.putArray("X-Amz-Executed-Version").add("$LATEST");
        headers.putArray("x-amzn-RequestId").add(requestId);
        headers.putArray("Content-Type").add("application/json");
        ObjectNode single = http.putObject("HttpHeaders");
        single.put("X-Amz-Executed-Version", "$LATEST");
        single.put("x-amzn-RequestId", requestId);
        single.put("Content-Type", "application/json");
        http.put("HttpStatusCode", 200);
        r.putObject("SdkResponseMetadata").put("RequestId", requestId);
        r.put("StatusCode", 200);
        return r;
    }

    private static String lambdaCause(TaskFunctions.LambdaError e) {
        ObjectNode doc = AslPaths.JSON.createObjectNode();
        doc.put("errorMessage", e.errorMessage());
        doc.put("errorType", e.errorType());
        doc.putArray("stackTrace");
        return doc.toString();
    }

    private void persist(Execution ex) {
        if (persistDir == null) {
            return;
        }
        Path file = persistDir.resolve(URLEncoder.encode(ex.arn, StandardCharsets.UTF_8) + ".json");
        Path tmp = persistDir.resolve(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, ex.toJson().toString());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist execution " + ex.arn, e);
        }
    }

    /** SendTask* with a token no task waits for: Step Functions' TaskDoesNotExist / TaskTimedOut / InvalidToken. */
    public static final class TaskTokenException extends IllegalStateException {
        private final String code;

        public TaskTokenException(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
