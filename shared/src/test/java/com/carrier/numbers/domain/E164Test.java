package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class E164Test {

    @Test
    void acceptsValidE164NumbersTrimmed() {
        assertThat(E164.parse("+14155550100", "number")).isEqualTo("+14155550100");
        assertThat(E164.parse("  +16135550100 ", "number")).isEqualTo("+16135550100");
    }

    @Test
    void missingNumberIsRequired() {
        for (String raw : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> E164.parse(raw, "numbers[0]"))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                        assertThat(e.details()).containsEntry("field", "numbers[0]");
                        assertThat(e.getMessage()).isEqualTo("numbers[0] is required");
                    });
        }
    }

    @Test
    void rejectsNumbersNotWrittenInE164Form() {
        for (String raw : new String[] {"4155550100", "+0155550100", "+1 415 555 0100", "+1415555010012345", "+1"}) {
            assertThatThrownBy(() -> E164.parse(raw, "number"))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.details()).containsEntry("field", "number");
                        assertThat(e.getMessage()).isEqualTo("number must be an E.164 number such as +14155550100");
                    });
        }
    }

    @Test
    void rejectsWellFormedButInvalidNumbers() {
        assertThatThrownBy(() -> E164.parse("+11235550100", "number")) // NANP area codes never start with 1
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.details()).containsEntry("field", "number");
                    assertThat(e.getMessage()).isEqualTo("number is not a valid phone number: +11235550100");
                });
        assertThatThrownBy(() -> E164.parse("+99912", "number")) // no such country code
                .isInstanceOfSatisfying(PlatformException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("number is not a valid phone number: +99912"));
    }

    @Test
    void regionOfKnownUnknownAndGarbage() {
        assertThat(E164.regionOf("+14155550100")).isEqualTo("US");
        assertThat(E164.regionOf("+16135550100")).isEqualTo("CA");
        assertThat(E164.regionOf("+99912")).isEqualTo("ZZ");
        assertThat(E164.regionOf("not a number")).isEqualTo("ZZ");
    }
}
