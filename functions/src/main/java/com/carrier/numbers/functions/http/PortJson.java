package com.carrier.numbers.functions.http;

import com.carrier.numbers.domain.EndUserAddress;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.service.PortRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The seed 003 port body, read strictly: unknown fields and wrong types are 400 naming the field. */
public final class PortJson {
    private static final Set<String> FIELDS = Set.of("number", "numbers", "account_number", "account_pin", "carrier_name",
            "billing_phone", "end_user_name", "end_user_address", "requested_foc_date");
    private static final Set<String> ADDRESS = Set.of("street", "city", "state", "postal_code", "country");

    private PortJson() {
    }

    /** POST: {@code number} or {@code numbers} (not both). */
    public static PortRequest create(JsonNode body) {
        Fields.onlyKnown(body, "", FIELDS);
        String number = Fields.text(body, "number", "number");
        List<String> numbers = Fields.textList(body, "numbers", "numbers");
        if (number != null && numbers != null) {
            throw PlatformException.validation("numbers", "send number or numbers, not both");
        }
        return read(body, number != null ? List.of(number) : numbers == null ? List.of() : numbers);
    }

    /** PATCH: the fields to correct; the numbers cannot change. */
    public static PortRequest correction(JsonNode body) {
        Fields.onlyKnown(body, "", FIELDS);
        String number = Fields.text(body, "number", "number");
        List<String> numbers = Fields.textList(body, "numbers", "numbers");
        return read(body, number != null ? List.of(number) : numbers);
    }

    private static PortRequest read(JsonNode body, List<String> numbers) {
        JsonNode a = Fields.object(body, "end_user_address", "end_user_address");
        EndUserAddress address = null;
        if (a != null) {
            Fields.onlyKnown(a, "end_user_address", ADDRESS);
            address = new EndUserAddress(Fields.text(a, "street", "end_user_address.street"),
                    Fields.text(a, "city", "end_user_address.city"), Fields.text(a, "state", "end_user_address.state"),
                    Fields.text(a, "postal_code", "end_user_address.postal_code"),
                    Fields.text(a, "country", "end_user_address.country"));
        }
        return new PortRequest(numbers,
                Fields.text(body, "account_number", "account_number"),
                Fields.text(body, "account_pin", "account_pin"),
                Fields.text(body, "carrier_name", "carrier_name"),
                Fields.text(body, "billing_phone", "billing_phone"),
                Fields.text(body, "end_user_name", "end_user_name"),
                address,
                Fields.text(body, "requested_foc_date", "requested_foc_date"));
    }
}
