"""moto_server for the workflow scenarios: moto's own server, with one addition to its Lambda stand-in.

moto's "lambda-simple" backend (no Docker) answers every invocation with the next canned result of
its queue but can never report a function error, so a scenario could not make a task fail the way a
throwing Java handler does. Here a canned result that is a Lambda error document
({"errorType", "errorMessage", "stackTrace"}, what the Java runtime returns for an uncaught exception)
is answered with the X-Amz-Function-Error: Unhandled header, as Lambda does. moto's Step Functions
interpreter then handles it unchanged: Error = errorType, Cause = the document.

usage: python3 moto_launcher.py -H 127.0.0.1 -p PORT
"""
import json
import sys

from moto.awslambda_simple.models import LambdaSimpleBackend

_invoke = LambdaSimpleBackend.invoke


def _invoke_with_errors(self, function_name, qualifier, body, headers, response_headers):
    result = _invoke(self, function_name, qualifier, body, headers, response_headers)
    try:
        doc = json.loads(result)
    except (TypeError, ValueError):
        return result
    if isinstance(doc, dict) and set(doc) == {"errorType", "errorMessage", "stackTrace"}:
        response_headers["x-amz-function-error"] = "Unhandled"
    return result


LambdaSimpleBackend.invoke = _invoke_with_errors

if __name__ == "__main__":
    from moto.server import main

    main(sys.argv[1:])
