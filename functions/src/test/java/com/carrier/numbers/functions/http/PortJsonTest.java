package com.carrier.numbers.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.service.PortRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed 003 port body as the routes read it: every field to its place, anything unknown a 400 naming it. */
class PortJsonTest {

    private static final String SEED = """
            {"number": "+14155550123", "account_number": "123456789", "account_pin": "1234",
             "carrier_name": "Old Telco", "billing_phone": "+14155550100", "end_user_name": "Acme Corp",
             "end_user_address": {"street": "1 Main St", "city": "San Francisco", "state": "CA",
                                  "postal_code": "94105", "country": "US"},
             "requested_foc_date": "2026-12-15"}""";

    @Test
    void theSeedsBodyFillsEveryField() throws Exception {
        PortRequest r = PortJson.create(Json.read(SEED));
        assertThat(r).isEqualTo(new PortRequest(List.of("+14155550123"), "123456789", "1234", "Old Telco", "+14155550100",
                "Acme Corp", new EndUserAddress("1 Main St", "San Francisco", "CA", "94105", "US"), "2026-12-15"));
    }

    @Test
    void severalNumbersComeAsTheNumbersList() throws Exception {
        PortRequest r = PortJson.create(Json.read("{\"numbers\": [\"+14155550123\", \"+14155550124\"]}"));
        assertThat(r.numbers()).containsExactly("+14155550123", "+14155550124");
        assertThat(r.endUserAddress()).isNull();
        assertThat(PortJson.create(Json.read("{}")).numbers()).as("none: the service says which field is missing").isEmpty();
    }

    @Test
    void numberAndNumbersTogetherAreRefused() {
        assertRefused(() -> PortJson.create(Json.read("{\"number\": \"+14155550123\", \"numbers\": [\"+14155550124\"]}")),
                "numbers", "send number or numbers, not both");
    }

    @Test
    void unknownFieldsAreRefusedByTheirPath() {
        assertRefused(() -> PortJson.create(Json.read("{\"number\": \"+14155550123\", \"pin\": \"1\"}")), "pin", null);
        assertRefused(() -> PortJson.create(Json.read("{\"end_user_address\": {\"zip\": \"94105\"}}")), "end_user_address.zip", null);
        assertRefused(() -> PortJson.correction(Json.read("{\"foc\": \"2026-12-15\"}")), "foc", null);
        assertRefused(() -> PortJson.correction(Json.read("{\"end_user_address\": {\"town\": \"x\"}}")), "end_user_address.town", null);
    }

    @Test
    void aCorrectionLeavesWhatItDoesNotNameAsNull() throws Exception {
        PortRequest r = PortJson.correction(Json.read("{\"account_number\": \"987654321\", \"end_user_address\": {\"city\": \"Oakland\"}}"));
        assertThat(r).isEqualTo(new PortRequest(null, "987654321", null, null, null, null,
                new EndUserAddress(null, "Oakland", null, null, null), null));
        assertThat(PortJson.correction(Json.read("{\"number\": \"+14155550123\"}")).numbers()).containsExactly("+14155550123");
        assertThat(PortJson.correction(Json.read("{\"numbers\": [\"+14155550124\"]}")).numbers()).containsExactly("+14155550124");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.details()).containsEntry("field", field);
            if (message != null) {
                assertThat(e.getMessage()).isEqualTo(message);
            }
        });
    }
}
