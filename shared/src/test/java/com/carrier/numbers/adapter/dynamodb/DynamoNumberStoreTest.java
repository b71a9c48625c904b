package com.carrier.numbers.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carrier.numbers.TableNames;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.NumberLifecycle;
import com.carrier.numbers.domain.NumberState;
import com.carrier.numbers.domain.PhoneNumber;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.NumberWrite;
import com.carrier.numbers.testing.LocalDynamo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter turns the lifecycle row and the version read into the write's condition. */
class DynamoNumberStoreTest {
    static PhoneNumber number(String n, NumberState state, long version) {
        return new PhoneNumber(n, null, state, "US", "CA", "San Francisco", "local", Money.of("1.00"), Money.of("0.99"),
                null, null, null, null, null, null, null, null, null, null, null, false, null, null, null, null, null, null, version);
    }

    static PhoneNumber withState(PhoneNumber p, NumberState state) {
        return new PhoneNumber(p.number(), p.id(), state, p.country(), p.region(), p.city(), p.type(), p.setupFee(), p.monthlyCost(),
                p.ownerId(), p.subAccountId(), p.friendlyName(), p.cnam(), p.e911(), p.usedBy(), p.assignedTo(), p.prepend(),
                p.purchasedAt(), p.expiresAt(), p.nextCharge(), p.suspended(), p.releasedAt(), p.availableAt(), p.unassignSchedule(), p.holdAccountId(),
                p.holdUntil(), p.lastCallAt(), p.version() + 1);
    }

    @Test
    void writesFollowTheLifecycleTableAndTheVersionRead() {
        TableNames t = LocalDynamo.freshTables();
        DynamoNumberStore store = new DynamoNumberStore(LocalDynamo.client(), t.numbers(), t.accounts(), t.ledger(), t.audit());
        PhoneNumber loaded = number("+14155550100", NumberState.AVAILABLE, 1);
        assertThat(store.addToInventory(List.of(NumberWrite.of(null, loaded, NumberLifecycle.LOAD, null)))).isEqualTo(1);
        assertThat(store.addToInventory(List.of(NumberWrite.of(null, loaded, NumberLifecycle.LOAD, null)))).isZero();
        PhoneNumber stored = store.find("+14155550100").orElseThrow();
        assertThat(stored).isEqualTo(loaded);

        // a change the table does not allow cannot even be expressed
        assertThatThrownBy(() -> NumberWrite.of(stored, withState(stored, NumberState.AVAILABLE), NumberLifecycle.AGE_OUT, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> NumberWrite.of(stored, withState(stored, NumberState.RELEASED), NumberLifecycle.PURCHASE, null))
                .isInstanceOf(IllegalStateException.class);

        PhoneNumber held = withState(stored, NumberState.RESERVED);
        store.apply(NumberWrite.of(stored, held, NumberLifecycle.RESERVE, null));
        assertThat(store.find("+14155550100").orElseThrow().version()).isEqualTo(2);
        // a write based on the old version loses
        assertThatThrownBy(() -> store.apply(NumberWrite.of(stored, withState(stored, NumberState.IN_SERVICE), NumberLifecycle.PURCHASE, null)))
                .isInstanceOf(ConditionFailed.class);
        assertThat(store.find("+14155550100").orElseThrow().state()).isEqualTo(NumberState.RESERVED);
    }
}
