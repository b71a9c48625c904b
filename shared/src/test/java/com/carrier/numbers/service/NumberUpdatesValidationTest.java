package com.carrier.numbers.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.carrier.numbers.domain.Assignment;
import com.carrier.numbers.domain.Cnam;
import com.carrier.numbers.domain.E911Address;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.NumberUpdate;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Prepend;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limits of a number's settings, at their edges: each refusal is 400 VALIDATION_ERROR naming the field. */
class NumberUpdatesValidationTest {
    private static final E911Address ADDRESS = new E911Address("1 Main St", null, "Palo Alto", "CA", "94301", null);

    private static String refusedField(NumberUpdate u) {
        PlatformException e = Errors.of(() -> NumberUpdates.validate(u));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        return (String) e.details().get("field");
    }

    private static void accepted(NumberUpdate u) {
        assertThatCode(() -> NumberUpdates.validate(u)).doesNotThrowAnyException();
    }

    private static NumberUpdate friendly(String name) {
        return new NumberUpdate(name, null, null, null, null, null, Set.of());
    }

    private static NumberUpdate usedBy(String usedBy) {
        return new NumberUpdate(null, null, null, usedBy, null, null, Set.of());
    }

    private static NumberUpdate cnam(Cnam cnam) {
        return new NumberUpdate(null, cnam, null, null, null, null, Set.of());
    }

    private static NumberUpdate e911(E911Address a) {
        return new NumberUpdate(null, null, a, null, null, null, Set.of());
    }

    private static NumberUpdate assigned(Assignment to) {
        return new NumberUpdate(null, null, null, null, to, null, Set.of());
    }

    private static NumberUpdate prepend(Prepend p) {
        return new NumberUpdate(null, null, null, null, null, p, Set.of());
    }

    @Test
    void friendlyNameAndUsedByHoldAtMost64Characters() {
        accepted(friendly("x".repeat(64)));
        assertThat(refusedField(friendly("x".repeat(65)))).isEqualTo("friendly_name");
        accepted(usedBy("x".repeat(64)));
        accepted(usedBy("x"));
        assertThat(refusedField(usedBy("x".repeat(65)))).isEqualTo("used_by");
        assertThat(refusedField(usedBy(""))).isEqualTo("used_by");
        assertThat(refusedField(usedBy("   "))).isEqualTo("used_by");
    }

    @Test
    void aCnamDisplayNameHas1To15CharactersOrOnlyTheInboundLookupIsSet() {
        accepted(cnam(new Cnam("x".repeat(15), null)));
        accepted(cnam(new Cnam(null, true)));
        accepted(cnam(new Cnam(null, false)));
        assertThat(refusedField(cnam(new Cnam("x".repeat(16), null)))).isEqualTo("cnam.display_name");
        assertThat(refusedField(cnam(new Cnam(" ", true)))).isEqualTo("cnam.display_name");
        assertThat(refusedField(cnam(new Cnam(null, null)))).isEqualTo("cnam.display_name");
    }

    @Test
    void anE911AddressNeedsStreetLocalityStateAndZip() {
        accepted(e911(ADDRESS));
        accepted(e911(new E911Address("1 Main St", null, "Palo Alto", " ca ", "94301-1234", null)));
        assertThat(refusedField(e911(new E911Address(null, null, "Palo Alto", "CA", "94301", null)))).isEqualTo("e911.street_address");
        assertThat(refusedField(e911(new E911Address("1 Main St", null, null, "CA", "94301", null)))).isEqualTo("e911.locality");
        assertThat(refusedField(e911(new E911Address("1 Main St", null, " ", "CA", "94301", null)))).isEqualTo("e911.locality");
        assertThat(refusedField(e911(new E911Address("1 Main St", null, "Palo Alto", null, "94301", null)))).isEqualTo("e911.region");
        assertThat(refusedField(e911(new E911Address("1 Main St", null, "Palo Alto", "CAL", "94301", null)))).isEqualTo("e911.region");
        assertThat(refusedField(e911(new E911Address("1 Main St", null, "Palo Alto", "CA", null, null)))).isEqualTo("e911.postal_code");
        assertThat(refusedField(e911(new E911Address("1 Main St", null, "Palo Alto", "CA", "9430", null)))).isEqualTo("e911.postal_code");
    }

    @Test
    void anAssignmentNeedsATypeAndAnId() {
        accepted(assigned(new Assignment("callflow", "cf_1")));
        assertThat(refusedField(assigned(new Assignment(null, "cf_1")))).isEqualTo("assigned_to.type");
        assertThat(refusedField(assigned(new Assignment("callflow", null)))).isEqualTo("assigned_to.id");
        assertThat(refusedField(assigned(new Assignment("callflow", "")))).isEqualTo("assigned_to.id");
    }

    @Test
    void aPrependNameHoldsAtMost64Characters() {
        accepted(prepend(new Prepend(true, null, "+14155550100")));
        accepted(prepend(new Prepend(true, "x".repeat(64), null)));
        assertThat(refusedField(prepend(new Prepend(true, "x".repeat(65), null)))).isEqualTo("prepend.name");
    }

    @Test
    void onlyTheNumberSettingsCanBeCleared() {
        accepted(new NumberUpdate(null, null, null, null, null, null, NumberUpdate.FIELDS));
        assertThat(refusedField(new NumberUpdate(null, null, null, null, null, null, Set.of("owner_id")))).isEqualTo("owner_id");
    }
}
