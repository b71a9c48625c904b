package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.CarrierEvent;
import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.PortStore;
import com.carrier.numbers.port.Workflows;
import com.carrier.numbers.testing.PlatformFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /v2/ports} and {@code GET /v2/ports} refusals as a customer meets them: each bad field
 * is a 400 VALIDATION_ERROR naming the field (DESIGN "Ports", seed 003), checked before anything is
 * read or written, so nothing changes. One platform for the class: every refusal must leave it empty.
 */
class PortsTest {
    private static final EndUserAddress ADDRESS = new EndUserAddress("123 Main St", "San Francisco", "CA", "94102", "US");
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z"); // a Tuesday

    private static PlatformFixture f;
    private static Caller alice;

    @BeforeAll
    static void platform() {
        f = PlatformFixture.create();
        f.clock.set(NOW);
        alice = f.master("MA_alice", "10.00");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(f.platform.ports().list(alice, null, 100, 0).total()).as("no port stored").isZero();
        assertThat(f.workflows.started(Workflows.Machine.PORT_LIFECYCLE)).as("no execution started").isEmpty();
        assertThat(f.platform.phoneNumbers().listAll(alice, "MA_alice", false, 10)).as("no number claimed").isEmpty();
    }

    private static PortRequest request(List<String> numbers, String accountNumber, String pin, String carrier, String billing,
                                       String name, EndUserAddress address, String foc) {
        return new PortRequest(numbers, accountNumber, pin, carrier, billing, name, address, foc);
    }

    private static PortRequest withNumbers(List<String> numbers) {
        return request(numbers, "123456789", "1234", "Previous Provider", "+14155551234", "John Doe", ADDRESS, null);
    }

    private static PortRequest withAddress(EndUserAddress a) {
        return request(List.of("+14155551234"), "123456789", "1234", "Previous Provider", "+14155551234", "John Doe", a, null);
    }

    private static PortRequest withFields(String accountNumber, String pin, String carrier, String billing, String name) {
        return request(List.of("+14155551234"), accountNumber, pin, carrier, billing, name, ADDRESS, null);
    }

    private static List<String> numbers(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("+1415555" + String.format("%04d", 2000 + i));
        }
        return out;
    }

    private static Arguments refused(String why, PortRequest r, String field, String message) {
        return Arguments.of(why, r, field, message);
    }

    static Stream<Arguments> badRequests() {
        String x = "x";
        return Stream.of(
                refused("no numbers", withNumbers(null), "number", "number (or numbers) is required"),
                refused("an empty list", withNumbers(List.of()), "number", "number (or numbers) is required"),
                refused("101 numbers", withNumbers(numbers(101)), "numbers", "a port carries at most 100 numbers"),
                refused("not E.164", withNumbers(List.of("4155551234")), "number", "number must be an E.164 number such as +14155550100"),
                refused("not NANP", withNumbers(List.of("+442079460000")), "number", "only North American (NANP, +1) numbers can be ported in"),
                refused("the second not NANP", withNumbers(List.of("+14155551234", "+442079460000")), "numbers[1]",
                        "only North American (NANP, +1) numbers can be ported in"),
                refused("listed twice", withNumbers(List.of("+14155551234", "+14155551234")), "numbers[1]", "+14155551234 is listed twice"),
                refused("no account_number", withFields(null, "1234", "P", "+14155551234", "John"), "account_number", "account_number is required"),
                refused("blank account_number", withFields("  ", "1234", "P", "+14155551234", "John"), "account_number", "account_number is required"),
                refused("account_number too long", withFields(x.repeat(65), "1234", "P", "+14155551234", "John"), "account_number",
                        "account_number must be 1 to 64 characters"),
                refused("blank account_pin", withFields("1", " ", "P", "+14155551234", "John"), "account_pin", "account_pin must be 1 to 32 characters"),
                refused("account_pin too long", withFields("1", x.repeat(33), "P", "+14155551234", "John"), "account_pin",
                        "account_pin must be 1 to 32 characters"),
                refused("carrier_name too long", withFields("1", null, x.repeat(101), "+14155551234", "John"), "carrier_name",
                        "carrier_name must be 1 to 100 characters"),
                refused("no billing_phone", withFields("1", null, null, null, "John"), "billing_phone", "billing_phone is required"),
                refused("no end_user_name", withFields("1", null, null, "+14155551234", null), "end_user_name", "end_user_name is required"),
                refused("end_user_name too long", withFields("1", null, null, "+14155551234", x.repeat(201)), "end_user_name",
                        "end_user_name must be 1 to 200 characters"),
                refused("no end_user_address", withAddress(null), "end_user_address", "end_user_address is required"),
                refused("no street", withAddress(new EndUserAddress(null, "SF", "CA", "94102", "US")), "end_user_address.street",
                        "end_user_address.street is required"),
                refused("blank city", withAddress(new EndUserAddress("1 Main", " ", "CA", "94102", "US")), "end_user_address.city",
                        "end_user_address.city is required"),
                refused("a state's name", withAddress(new EndUserAddress("1 Main", "SF", "California", "94102", "US")), "end_user_address.state",
                        "end_user_address.state must be 1 to 2 characters"),
                refused("a lower-case state", withAddress(new EndUserAddress("1 Main", "SF", "ca", "94102", "US")), "end_user_address.state",
                        "end_user_address.state is a two-letter code such as CA"),
                refused("no postal_code", withAddress(new EndUserAddress("1 Main", "SF", "CA", null, "US")), "end_user_address.postal_code",
                        "end_user_address.postal_code is required"),
                refused("no country", withAddress(new EndUserAddress("1 Main", "SF", "CA", "94102", null)), "end_user_address.country",
                        "end_user_address.country is required"),
                refused("a lower-case country", withAddress(new EndUserAddress("1 Main", "SF", "CA", "94102", "us")), "end_user_address.country",
                        "end_user_address.country is an ISO country code such as US"),
                refused("a US postal code that is no ZIP", withAddress(new EndUserAddress("1 Main", "SF", "CA", "9410", "US")),
                        "end_user_address.postal_code", "a US postal_code is a ZIP or ZIP+4"),
                refused("a broken ZIP+4", withAddress(new EndUserAddress("1 Main", "SF", "CA", "94102-12", "US")),
                        "end_user_address.postal_code", "a US postal_code is a ZIP or ZIP+4"),
                refused("a signed year", request(List.of("+14155551234"), "1", null, null, "+14155551234", "John", ADDRESS, "+12026-12-04"),
                        "requested_foc_date", "requested_foc_date must be a date YYYY-MM-DD"),
                refused("an FOC 2 business days ahead", request(List.of("+14155551234"), "1", null, null, "+14155551234", "John", ADDRESS,
                        "2026-12-03"), "requested_foc_date", "requested_foc_date must be at least 3 business days ahead"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadFieldIsA400NamingIt(String why, PortRequest request, String field, String message) {
        PlatformException e = Errors.of(() -> f.platform.ports().create(alice, request));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).isEqualTo(Map.of("field", field));
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void aHundredNumbersAreAcceptedAndTheRequestCheckedOn() {
        // the numbers pass (100 is the limit); the next field checked is the one refused
        PlatformException e = Errors.of(() -> f.platform.ports().create(alice,
                request(numbers(100), " ", null, null, "+14155551234", "John", ADDRESS, null)));
        assertThat(e.details()).isEqualTo(Map.of("field", "account_number"));
    }

    @ParameterizedTest(name = "limit={0} offset={1} status={2}: field {3}")
    @CsvSource(nullValues = "null", value = {
            "0, 0, null, limit",
            "101, 0, null, limit",
            "-1, 0, null, limit",
            "20, -1, null, offset",
            "20, 10001, null, offset",
            "20, 0, bogus, status",
            "20, 0, PENDING, status"})
    void aBadListQueryIsA400NamingTheParameter(int limit, int offset, String status, String field) {
        PlatformException e = Errors.of(() -> f.platform.ports().list(alice, status, limit, offset));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.details()).isEqualTo(Map.of("field", field));
    }

    @ParameterizedTest(name = "limit={0} offset={1} status={2}")
    @CsvSource(nullValues = "null", value = {
            "1, 0, null",
            "100, 0, pending",
            "100, 10000, cancelled"})
    void theBoundsOfAListQueryAreAccepted(int limit, int offset, String status) {
        PortStore.Page page = f.platform.ports().list(alice, status, limit, offset);
        assertThat(page.total()).isZero();
        assertThat(page.ports()).isEmpty();
    }

    // '' would reach DynamoDB as an empty key (a ValidationException, a 500) without the id's shape check
    @ParameterizedTest(name = "id [{0}]")
    @CsvSource(nullValues = "null", value = {"null", "''", "port_XYZ", "port_", "num_0123abcd", "port_0123abcd"})
    void aPortThatIsNotThereIsNotFound(String id) {
        PlatformException e = Errors.of(() -> f.platform.ports().get(alice, id));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("port " + id + " not found");
        assertThat(Errors.code(() -> f.platform.ports().cancel(alice, id))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(Errors.code(() -> f.platform.ports().correct(alice, id, new PortRequest(null, "1", null, null, null, null, null, null))))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @ParameterizedTest(name = "id {0}")
    @CsvSource(nullValues = "null", value = {"null", "''", "port_XYZ", "port_0123abcd"})
    void aCarrierEventForAPortThatIsNotThereIsNotFound(String id) {
        CarrierEvent event = new CarrierEvent("evt_1", CarrierEvent.Type.REJECTED, null, List.of(), null, null, null);
        PlatformException e = Errors.of(() -> f.platform.ports().carrierEvent(id, event));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("port " + id + " not found");
    }
}
