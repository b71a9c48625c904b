package com.carrier.numbers.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Lambda functions a Task state invokes, by function name or ARN (the {@code FunctionName} of a
 * {@code lambda:invoke} task, or a plain function ARN as Resource).
 */
@FunctionalInterface
public interface TaskFunctions {

    /**
     * Invokes the function synchronously with a JSON payload and answers its JSON result.
     *
     * @throws LambdaError when the function fails, with the {@code errorType} Lambda would report
     */
    JsonNode invoke(String functionNameOrArn, JsonNode payload) throws LambdaError;

    /**
     * A failed invocation as Lambda's error response describes it. For the Java runtime the
     * {@code errorType} is the thrown exception's fully qualified class name ({@code Class.getName()},
     * so {@code com.example.Outer$Inner} for a nested class): the Java runtime interface client builds
     * it with {@code UserFault.makeUserFault(t)} = {@code new UserFault(message, t.getClass().getName(), trace)}.
     * Step Functions reports that errorType as the task's Error, and the whole error document
     * ({@code {"errorMessage","errorType","stackTrace"}}) as its Cause.
     */
    final class LambdaError extends Exception {
        private final String errorType;
        private final String errorMessage;

        public LambdaError(String errorType, String errorMessage) {
            super(errorType + ": " + errorMessage);
            this.errorType = errorType;
            this.errorMessage = errorMessage;
        }

        /** The error Lambda reports for an exception thrown by a Java handler. */
        public static LambdaError of(Throwable thrown) {
            String message = thrown.getLocalizedMessage() == null ? thrown.getClass().getName() : thrown.getLocalizedMessage();
            return new LambdaError(thrown.getClass().getName(), message);
        }

        public String errorType() {
            return errorType;
        }

        public String errorMessage() {
            return errorMessage;
        }
    }
}
