package com.carrier.numbers.functions.http;

import static com.carrier.numbers.functions.http.FieldsTest.json;
import static com.carrier.numbers.functions.http.FieldsTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.service.PortRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed 003 port body, read strictly. */
class PortJsonTest {

    @Test
    void singleNumberPortWithAddress() {
        PortRequest r = PortJson.create(json("""
                {"number":"+14155550100","account_number":"ACC-1","account_pin":"1234","carrier_name":"Old Telco",
                 "billing_phone":"+14155550199","end_user_name":"Acme Inc",
                 "end_user_address":{"street":"1 Main St","city":"SF","state":"CA","postal_code":"94105","country":"US"},
                 "requested_foc_date":"2026-02-10"}"""));
        assertThat(r).isEqualTo(new PortRequest(List.of("+14155550100"), "ACC-1", "1234", "Old Telco", "+14155550199",
                "Acme Inc", new EndUserAddress("1 Main St", "SF", "CA", "94105", "US"), "2026-02-10"));
    }

    @Test
    void numbersListOrNothing() {
        assertThat(PortJson.create(json("{\"numbers\":[\"+14155550100\",\"+14155550101\"]}")).numbers())
                .containsExactly("+14155550100", "+14155550101");
        assertThat(PortJson.create(json("{}")).numbers()).isEmpty();
        assertThat(PortJson.create(json("{}")).endUserAddress()).isNull();
    }

    @Test
    void numberAndNumbersTogetherAreRefused() {
        refused(() -> PortJson.create(json("{\"number\":\"+14155550100\",\"numbers\":[\"+14155550101\"]}")),
                "numbers", "send number or numbers, not both");
    }

    @Test
    void unknownAndMistypedFieldsAreRefused() {
        refused(() -> PortJson.create(json("{\"pin\":\"1\"}")), "pin",
                "unknown field pin (expected one of [account_number, account_pin, billing_phone, carrier_name, end_user_address, "
                        + "end_user_name, number, numbers, requested_foc_date])");
        refused(() -> PortJson.create(json("{\"end_user_address\":{\"zip\":\"1\"}}")), "end_user_address.zip",
                "unknown field end_user_address.zip (expected one of [city, country, postal_code, state, street])");
        refused(() -> PortJson.create(json("{\"account_pin\":1234}")), "account_pin", "account_pin must be a string");
        refused(() -> PortJson.correction(json("{\"end_user_address\":{\"city\":5}}")), "end_user_address.city",
                "end_user_address.city must be a string");
    }

    @Test
    void correctionKeepsWhatIsNotSent() {
        PortRequest r = PortJson.correction(json("{\"account_pin\":\"9999\"}"));
        assertThat(r.numbers()).isNull();
        assertThat(r.accountPin()).isEqualTo("9999");
        assertThat(r.accountNumber()).isNull();
        assertThat(PortJson.correction(json("{\"number\":\"+14155550100\"}")).numbers()).containsExactly("+14155550100");
        assertThat(PortJson.correction(json("{\"numbers\":[\"+14155550101\"]}")).numbers()).containsExactly("+14155550101");
        refused(() -> PortJson.correction(json("{\"carrier\":\"x\"}")), "carrier",
                "unknown field carrier (expected one of [account_number, account_pin, billing_phone, carrier_name, end_user_address, "
                        + "end_user_name, number, numbers, requested_foc_date])");
    }
}
