package com.carrier.numbers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The number's transition table: allowed and forbidden moves, creation and removal. */
class NumberLifecycleTest {

    @Test
    void loadAndPortInRequestCreateNumbersOnly() {
        assertThat(NumberLifecycle.LOAD.allows(null)).isTrue();
        assertThat(NumberLifecycle.LOAD.createsNumber()).isTrue();
        assertThat(NumberLifecycle.LOAD.from()).isEmpty();
        assertThat(NumberLifecycle.PORT_IN_REQUEST.allows(null)).isTrue();
        for (NumberState s : NumberState.values()) {
            assertThat(NumberLifecycle.LOAD.allows(s)).as("LOAD from %s", s).isFalse();
            assertThat(NumberLifecycle.PORT_IN_REQUEST.allows(s)).isFalse();
        }
        assertThat(NumberLifecycle.LOAD.to()).isEqualTo(NumberState.AVAILABLE);
        assertThat(NumberLifecycle.PORT_IN_REQUEST.to()).isEqualTo(NumberState.PORT_IN);
    }

    @Test
    void onlyAWithdrawnPortInRemovesTheNumber() {
        for (NumberLifecycle action : NumberLifecycle.values()) {
            assertThat(action.removesNumber()).as(action.name()).isEqualTo(action == NumberLifecycle.PORT_IN_WITHDRAW);
        }
    }

    @Test
    void existingStatesCannotBeCreatedAgain() {
        assertThat(NumberLifecycle.PURCHASE.allows(null)).isFalse();
        assertThat(NumberLifecycle.PURCHASE.createsNumber()).isFalse();
    }

    @Test
    void purchaseOnlyFromInventoryOrHold() {
        assertThat(NumberLifecycle.PURCHASE.from()).containsExactlyInAnyOrder(NumberState.AVAILABLE, NumberState.RESERVED);
        assertThat(NumberLifecycle.PURCHASE.allows(NumberState.AVAILABLE)).isTrue();
        assertThat(NumberLifecycle.PURCHASE.allows(NumberState.IN_SERVICE)).isFalse();
        assertThat(NumberLifecycle.PURCHASE.allows(NumberState.RELEASED)).isFalse();
        assertThat(NumberLifecycle.PURCHASE.to()).isEqualTo(NumberState.IN_SERVICE);
    }

    @Test
    void reservedNumberIsNeverReleasedOnlyCancelled() {
        assertThat(NumberLifecycle.RELEASE.allows(NumberState.RESERVED)).isFalse();
        assertThat(NumberLifecycle.RELEASE.allows(NumberState.IN_SERVICE)).isTrue();
        assertThat(NumberLifecycle.RELEASE.allows(NumberState.PORT_IN)).isTrue();
        assertThat(NumberLifecycle.RELEASE.to()).isEqualTo(NumberState.RELEASED);
        assertThat(NumberLifecycle.CANCEL_HOLD.from()).containsExactly(NumberState.RESERVED);
        assertThat(NumberLifecycle.CANCEL_HOLD.to()).isEqualTo(NumberState.AVAILABLE);
    }

    @Test
    void portOutRoundTripAndAging() {
        assertThat(NumberLifecycle.PORT_OUT_REQUEST.from()).containsExactly(NumberState.IN_SERVICE);
        assertThat(NumberLifecycle.PORT_OUT_CANCEL.to()).isEqualTo(NumberState.IN_SERVICE);
        assertThat(NumberLifecycle.PORT_OUT_COMPLETE.to()).isEqualTo(NumberState.RELEASED);
        assertThat(NumberLifecycle.AGE_OUT.from()).containsExactly(NumberState.RELEASED);
        assertThat(NumberLifecycle.AGE_OUT.to()).isEqualTo(NumberState.AVAILABLE);
    }

    @Test
    void reasonIsTheLowerCaseActionName() {
        assertThat(NumberLifecycle.CANCEL_HOLD.reason()).isEqualTo("cancel_hold");
        assertThat(NumberLifecycle.PORT_IN_COMPLETE.reason()).isEqualTo("port_in_complete");
    }
}
