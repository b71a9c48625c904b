package com.carrier.numbers.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.functions.workflow.AgeOutNumberHandler;
import com.carrier.numbers.functions.workflow.CompleteDeferredUnassignHandler;
import com.carrier.numbers.local.stepfunctions.WorkflowScenario.TaskStep;
import com.carrier.numbers.testing.PlatformFixture;
import com.carrier.numbers.testing.RecordingWorkflows;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: statemachines/number-aging.asl.json and number-cooloff.asl.json on both engines, the
 * in-JVM one and moto's (the referee), which must agree on the states visited, the functions
 * called, the status and the output. The tasks' answers are not invented: each is what the real
 * task handler answered for the same situation in a domain world on DynamoDB Local (whose clock
 * lies in the past, so a "wait again" until a new cool-off end passes at once on both engines;
 * the first wait is the scenario input's, a second ahead).
 */
class NumberWorkflowScenariosTest extends BothEngines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AGING = Path.of("statemachines/number-aging.asl.json");
    private static final Path COOLOFF = Path.of("statemachines/number-cooloff.asl.json");

    /** A domain world: a master with a sub-account and a few numbers; its clock in January 2026. */
    private static final class World {
        final PlatformFixture f = PlatformFixture.create(NumbersPlatform.Settings.defaults(), new RecordingWorkflows());
        final Caller master;
        final Caller buyer;

        World() {
            f.load("+16175550100", 5, "Boston", "MA");
            master = f.master("MA_scen", "50.00");
            buyer = f.master("MA_scenbuyer", "50.00");
            f.sub(master, "SA_scen", "0");
        }

        String ageOut(String number, Instant releasedAt) throws Exception {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("number", number);
            in.put("released_at", releasedAt.toString());
            in.put("available_at", releasedAt.plus(Duration.ofDays(45)).toString());
            return JSON.writeValueAsString(new AgeOutNumberHandler(f.platform).handleRequest(in, null));
        }

        String check(String number, Instant requestedAt, Instant coolOffUntil) throws Exception {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("number", number);
            in.put("sub_account_id", "SA_scen");
            in.put("requested_at", requestedAt.toString());
            in.put("cool_off_until", coolOffUntil.toString());
            return JSON.writeValueAsString(new CompleteDeferredUnassignHandler(f.platform).handleRequest(in, null));
        }
    }

    private static WorkflowScenario aging(String number, Instant releasedAt) {
        return WorkflowScenario.of(AGING)
                .function("AgeOutNumberFunctionArn", "AgeOutNumberFunction")
                .input("{\"number\":\"" + number + "\",\"released_at\":\"" + releasedAt + "\",\"available_at\":\"{{now+1}}\"}");
    }

    private static WorkflowScenario coolOff(String number, Instant requestedAt) {
        return WorkflowScenario.of(COOLOFF)
                .function("CompleteDeferredUnassignFunctionArn", "CompleteDeferredUnassignFunction")
                .input("{\"number\":\"" + number + "\",\"sub_account_id\":\"SA_scen\",\"requested_at\":\"" + requestedAt
                        + "\",\"cool_off_until\":\"{{now+1}}\"}");
    }

    @Test
    void agingCompletes() throws Exception {
        World w = new World();
        w.f.platform.phoneNumbers().purchase(w.master, "MA_scen", "+16175550100", null);
        PhoneNumber released = w.f.platform.phoneNumbers().release(w.master, "MA_scen", "+16175550100");
        String answer = w.ageOut("+16175550100", released.releasedAt());

        var result = onBothEngines(aging("+16175550100", released.releasedAt())
                .task(TaskStep.returns("AgeOutNumberFunction", answer)));

        assertThat(result.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(result.visitedStates()).containsExactly("WaitUntilAvailable", "AgeOut", "AgedOutOrSuperseded", "BackInInventory");
        assertThat(result.calledFunctions()).containsExactly("AgeOutNumberFunction");
        assertThat(result.output().path("outcome").asText()).isEqualTo("aged_out");
        assertThat(result.output().path("state").asText()).isEqualTo("available");
    }

    @Test
    void agingAfterTheNumberWasBoughtAgainChangesNothing() throws Exception {
        World w = new World();
        w.f.platform.phoneNumbers().purchase(w.master, "MA_scen", "+16175550101", null);
        Instant releasedAt = w.f.platform.phoneNumbers().release(w.master, "MA_scen", "+16175550101").releasedAt();
        w.f.platform.inventory().ageOut("+16175550101", releasedAt); // aged out by the sweep, say
        w.f.clock.advance(Duration.ofHours(1));
        w.f.platform.phoneNumbers().purchase(w.buyer, "MA_scenbuyer", "+16175550101", null);
        String answer = w.ageOut("+16175550101", releasedAt);

        var result = onBothEngines(aging("+16175550101", releasedAt).task(TaskStep.returns("AgeOutNumberFunction", answer)));

        assertThat(result.visitedStates()).containsExactly("WaitUntilAvailable", "AgeOut", "AgedOutOrSuperseded", "ReleaseSuperseded");
        assertThat(result.output().path("outcome").asText()).isEqualTo("unchanged");
        assertThat(result.output().path("state").asText()).isEqualTo("in_service");
    }

    @Test
    void deferredUnassignWithoutANewCallDuringTheWait() throws Exception {
        World w = new World();
        w.f.platform.phoneNumbers().purchase(w.master, "MA_scen", "+16175550102", null);
        w.f.platform.subAccountPool().assign(w.master, "SA_scen", "+16175550102");
        w.f.platform.callActivity().record("+16175550102", w.f.clock.instant().minus(Duration.ofDays(2)));
        var schedule = w.f.platform.subAccountPool().unassignWhenCooledOff(w.master, "SA_scen", "+16175550102").number().unassignSchedule();
        String answer = w.check("+16175550102", schedule.requestedAt(), schedule.coolOffUntil());

        var result = onBothEngines(coolOff("+16175550102", schedule.requestedAt())
                .task(TaskStep.returns("CompleteDeferredUnassignFunction", answer)));

        assertThat(result.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(result.visitedStates()).containsExactly("WaitForCoolOff", "CheckCallsAndUnassign", "CallDuringWait", "BackInParentPool");
        assertThat(result.output().path("outcome").asText()).isEqualTo("unassigned");
    }

    @Test
    void deferredUnassignWithANewCallDuringTheWaitWaitsAgain() throws Exception {
        World w = new World();
        w.f.platform.phoneNumbers().purchase(w.master, "MA_scen", "+16175550103", null);
        w.f.platform.subAccountPool().assign(w.master, "SA_scen", "+16175550103");
        w.f.platform.callActivity().record("+16175550103", w.f.clock.instant().minus(Duration.ofDays(2)));
        var schedule = w.f.platform.subAccountPool().unassignWhenCooledOff(w.master, "SA_scen", "+16175550103").number().unassignSchedule();
        w.f.clock.advance(Duration.ofDays(3));
        w.f.platform.callActivity().record("+16175550103", w.f.clock.instant()); // a call during the wait
        String waitAgain = w.check("+16175550103", schedule.requestedAt(), schedule.coolOffUntil());
        Instant newEnd = Instant.parse(JSON.readTree(waitAgain).path("cool_off_until").asText());
        w.f.clock.set(newEnd);
        String unassigned = w.check("+16175550103", schedule.requestedAt(), newEnd);

        var result = onBothEngines(coolOff("+16175550103", schedule.requestedAt())
                .task(TaskStep.returns("CompleteDeferredUnassignFunction", waitAgain))
                .task(TaskStep.returns("CompleteDeferredUnassignFunction", unassigned)));

        assertThat(JSON.readTree(waitAgain).path("outcome").asText()).isEqualTo("waiting");
        assertThat(result.visitedStates()).containsExactly("WaitForCoolOff", "CheckCallsAndUnassign", "CallDuringWait",
                "WaitForCoolOff", "CheckCallsAndUnassign", "CallDuringWait", "BackInParentPool");
        assertThat(result.calledFunctions()).hasSize(2);
        assertThat(result.output().path("outcome").asText()).isEqualTo("unassigned");
        assertThat(result.output().path("cool_off_until").asText()).isEqualTo(newEnd.toString());
    }
}
