package com.carrier.numbers.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.functions.lifecycle.IamPolicies;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: every AWS call each function makes, while its SnapStart priming and its events/ request
 * run ({@link LambdaLifecycle}, recorded on the wire), is granted by that function's policy in
 * template.yaml, as IAM would evaluate it ({@link IamPolicies}: transaction elements one by one,
 * index ARNs for index queries). A call the policy does not grant fails, naming the function and
 * the call; grants no call used are listed (least privilege: candidates to remove, or paths the
 * example events do not take).
 */
class IamCoverageIT {

    @Test
    void everyCallOfEveryFunctionIsGrantedByItsPolicy() throws Exception {
        Map<String, LambdaLifecycle.Run> runs = LambdaLifecycle.runs();
        List<String> denied = new ArrayList<>();
        int checked = 0;
        for (LambdaLifecycle.Run r : runs.values()) {
            var statements = IamPolicies.statements(LambdaLifecycle.TEMPLATE, r.function());
            List<IamPolicies.Request> requests = new ArrayList<>();
            r.calls().forEach(c -> requests.addAll(IamPolicies.requests(c, r::logicalId)));
            Set<String> seen = new LinkedHashSet<>();
            for (IamPolicies.Request q : requests) {
                checked++;
                if (!IamPolicies.allows(LambdaLifecycle.TEMPLATE, statements, q) && seen.add(q.action() + " " + q.resource())) {
                    denied.add(r.function().logicalId() + ": " + q.describe() + " is not granted by its policy");
                }
            }
            List<String> unused = IamPolicies.grants(statements).stream().filter(g -> !IamPolicies.used(g, requests)).toList();
            if (!unused.isEmpty()) {
                System.out.println(r.function().logicalId() + ": granted but not used by its priming or events/ request: " + unused);
            }
        }
        System.out.printf("IAM coverage: %d calls of %d functions checked against their policies, %d denied%n",
                checked, runs.size(), denied.size());
        assertThat(runs.values()).as("functions that made no call (nothing to check)").allSatisfy(r -> assertThat(r.calls()).isNotEmpty());
        assertThat(denied).as("calls IAM would refuse (AccessDeniedException on AWS)").isEmpty();
    }
}
