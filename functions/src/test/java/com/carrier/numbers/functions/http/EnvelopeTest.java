package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two response families, field for field as DESIGN.md and the seeds show them. */
class EnvelopeTest {
    private final ApiRequest request = new ApiRequest(APIGatewayV2HTTPEvent.builder()
            .withHeaders(Map.of("x-auth-token", "tok"))
            .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("r1").build())
            .build());

    @Test
    void crossbarSuccessAndError() {
        var ok = Envelope.CROSSBAR.success(Json.array().add("+14152000001"), request, Map.of());
        assertThat(Json.write(ok)).isEqualTo("{\"auth_token\":\"tok\",\"data\":[\"+14152000001\"],\"request_id\":\"req_r1\",\"status\":\"success\"}");
        var error = Envelope.CROSSBAR.error(new PlatformException(ErrorCode.NUMBER_UNAVAILABLE, "taken"), request);
        assertThat(error.get("error").asText()).isEqualTo("409");
        assertThat(error.get("message").asText()).isEqualTo("NUMBER_UNAVAILABLE");
        assertThat(error.get("status").asText()).isEqualTo("error");
        assertThat(error.get("data").get("message").asText()).isEqualTo("taken");
        assertThat(error.get("auth_token").asText()).isEqualTo("tok");
    }

    @Test
    void platformSuccessAndErrorWithDetails() {
        var ok = Envelope.PLATFORM.success(Json.object().put("id", "num_1"), request, Map.of());
        assertThat(Json.write(ok)).isEqualTo("{\"success\":true,\"data\":{\"id\":\"num_1\"},\"request_id\":\"req_r1\"}");
        var coolOff = new PlatformException(ErrorCode.DID_COOL_OFF_IN_EFFECT, "recent calls",
                Map.of("cool_off_until", "2024-01-30T10:30:00Z", "cool_off_remaining_seconds", 3600L));
        var error = Envelope.PLATFORM.error(coolOff, request);
        assertThat(error.get("success").asBoolean()).isFalse();
        assertThat(error.get("error").get("code").asText()).isEqualTo("did_cool_off_in_effect");
        assertThat(error.get("error").get("cool_off_remaining_seconds").asLong()).isEqualTo(3600L);
        assertThat(error.has("auth_token")).isFalse();
    }

    @Test
    void moneyKeepsTwoDecimalsWhenAStoredAnswerIsReadBack() throws Exception {
        assertThat(Json.write(Json.read("{\"setup_fee\":1.00,\"monthly_cost\":0.90}"))).isEqualTo("{\"setup_fee\":1.00,\"monthly_cost\":0.90}");
    }
}
