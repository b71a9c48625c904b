package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Error codes on the wire, refusals, and the small value types the API and jobs rely on. */
class ErrorsAndEnumsTest {

    @Test
    void errorCodesAnswerWithTheirHttpStatus() {
        assertThat(ErrorCode.VALIDATION_ERROR.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.INSUFFICIENT_CREDIT.httpStatus()).isEqualTo(402);
        assertThat(ErrorCode.INVALID_REGION.httpStatus()).isEqualTo(403);
        assertThat(ErrorCode.DID_COOL_OFF_IN_EFFECT.httpStatus()).isEqualTo(409);
        assertThat(ErrorCode.PURCHASE_FAILED.httpStatus()).isEqualTo(502);
    }

    @Test
    void coolOffKeepsItsLowerCaseWireName() {
        assertThat(ErrorCode.DID_COOL_OFF_IN_EFFECT.wire()).isEqualTo("did_cool_off_in_effect");
        assertThat(ErrorCode.NOT_FOUND.wire()).isEqualTo("NOT_FOUND");
        assertThat(ErrorCode.fromWire("did_cool_off_in_effect")).isEqualTo(ErrorCode.DID_COOL_OFF_IN_EFFECT);
        assertThat(ErrorCode.fromWire("NUMBER_UNAVAILABLE")).isEqualTo(ErrorCode.NUMBER_UNAVAILABLE);
    }

    @Test
    void refusalsCarryCodeMessageAndDetails() {
        PlatformException v = PlatformException.validation("amount", "amount is required");
        assertThat(v.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(v.getMessage()).isEqualTo("amount is required");
        assertThat(v.details()).isEqualTo(Map.of("field", "amount"));
        PlatformException nf = PlatformException.notFound("port port_1");
        assertThat(nf.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(nf.getMessage()).isEqualTo("port port_1 not found");
        assertThat(nf.details()).isEmpty();
        PlatformException f = PlatformException.forbidden("not your account");
        assertThat(f.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(f.getMessage()).isEqualTo("not your account");
        assertThat(f.getStackTrace()).isEmpty();
        PlatformException c = new PlatformException(ErrorCode.DID_COOL_OFF_IN_EFFECT, "cool-off", Map.of("cool_off_until", "x"));
        c.details().put("number", "+1");
        assertThat(c.details()).containsEntry("cool_off_until", "x").containsEntry("number", "+1");
    }

    @Test
    void numberUpdateEmptiness() {
        assertThat(NumberUpdate.NONE.isEmpty()).isTrue();
        assertThat(new NumberUpdate("x", null, null, null, null, null, Set.of()).isEmpty()).isFalse();
        assertThat(new NumberUpdate(null, new Cnam("A", null), null, null, null, null, Set.of()).isEmpty()).isFalse();
        assertThat(new NumberUpdate(null, null, new E911Address("a", null, "b", "c", "d", "e"), null, null, null, Set.of()).isEmpty()).isFalse();
        assertThat(new NumberUpdate(null, null, null, "pbx", null, null, Set.of()).isEmpty()).isFalse();
        assertThat(new NumberUpdate(null, null, null, null, new Assignment("user", "u1"), null, Set.of()).isEmpty()).isFalse();
        assertThat(new NumberUpdate(null, null, null, null, null, new Prepend(true, "x", null), Set.of()).isEmpty()).isFalse();
        assertThat(new NumberUpdate(null, null, null, null, null, null, Set.of("cnam")).isEmpty()).isFalse();
    }

    @Test
    void wireNamesOfRolesStatesAndActions() {
        assertThat(Role.ADMIN.wire()).isEqualTo("admin");
        assertThat(Role.fromWire("user")).isEqualTo(Role.USER);
        assertThat(NumberState.IN_SERVICE.wire()).isEqualTo("in_service");
        assertThat(NumberState.fromWire("port_out")).isEqualTo(NumberState.PORT_OUT);
    }

    @Test
    void aJobFailsOnlyIfNoItemSucceeded() {
        assertThat(JobStatus.finalFor(3, 0)).isEqualTo(JobStatus.COMPLETED);
        assertThat(JobStatus.finalFor(0, 0)).isEqualTo(JobStatus.COMPLETED);
        assertThat(JobStatus.finalFor(2, 1)).isEqualTo(JobStatus.COMPLETED_WITH_ERRORS);
        assertThat(JobStatus.finalFor(0, 2)).isEqualTo(JobStatus.FAILED);
        assertThat(JobStatus.QUEUED.isFinal()).isFalse();
        assertThat(JobStatus.RUNNING.isFinal()).isFalse();
        assertThat(JobStatus.COMPLETED_WITH_ERRORS.isFinal()).isTrue();
        assertThat(JobStatus.COMPLETED_WITH_ERRORS.wire()).isEqualTo("completed_with_errors");
        assertThat(JobStatus.fromWire("running")).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aJobActsAsItsSubmitterAndItsItemsArePendingUntilTheyHaveAResult() {
        Job job = new Job("job_1", "MA_1", "a1", Role.USER, Job.BULK, JobStatus.QUEUED, 2, 0, 0, null, Instant.EPOCH, null);
        assertThat(job.caller()).isEqualTo(new Caller("MA_1", "a1", Role.USER));
        assertThat(new JobItem("job_1", 0, "purchase", null, JobItem.PENDING, null, null).pending()).isTrue();
        assertThat(new JobItem("job_1", 1, "purchase", "+14155550101", JobItem.FAILED, "NUMBER_UNAVAILABLE", "x").pending()).isFalse();
    }

    @Test
    void jobActionsAndRejectionReasonsOnTheWire() {
        assertThat(JobOperation.Action.UNASSIGN.wire()).isEqualTo("unassign");
        assertThat(JobOperation.Action.fromWire("purchase")).isEqualTo(JobOperation.Action.PURCHASE);
        assertThat(new JobOperation(JobOperation.Action.PURCHASE, null, "415", null, null, null, null).bySearch()).isTrue();
        assertThat(new JobOperation(JobOperation.Action.PURCHASE, "+14155550101", null, null, null, null, null).bySearch()).isFalse();
        assertThat(new JobOperation(JobOperation.Action.RELEASE, null, null, null, null, null, null).bySearch()).isFalse();
        assertThat(RejectionReason.fromWire("PIN_INVALID")).isEqualTo(RejectionReason.PIN_INVALID);
        assertThat(RejectionReason.fromWire("pin_invalid")).as("the carrier's reasons are upper case").isNull();
        assertThat(RejectionReason.ENTITY_NAME_MISMATCH.message())
                .isEqualTo("the end user's name does not match the losing carrier's records");
    }

    @Test
    void callersAndCredentials() {
        assertThat(Caller.SYSTEM.isAdmin()).isTrue();
        assertThat(new Caller("MA_1", "a", Role.USER).isAdmin()).isFalse();
        assertThat(new Credential("a", "MA_1", Role.USER, "n", Instant.EPOCH, null).active()).isTrue();
        assertThat(new Credential("a", "MA_1", Role.USER, "n", Instant.EPOCH, Instant.EPOCH).active()).isFalse();
    }
}
