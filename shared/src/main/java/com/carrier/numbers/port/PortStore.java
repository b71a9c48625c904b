package com.carrier.numbers.port;

import com.carrier.numbers.domain.Port;
import com.carrier.numbers.domain.PortLifecycle;
import com.carrier.numbers.domain.PortStatus;
import java.util.List;
import java.util.Optional;

/** Where port-in requests live. Every write is conditional on the version read and the lifecycle row's from-statuses. */
public interface PortStore {

    /** The port as stored now (strongly consistent), if it exists. */
    Optional<Port> find(String id);

    /**
     * Writes {@code after} in place of {@code before} ({@code before} null: a new port, {@link PortLifecycle#REQUEST}).
     *
     * @throws ConditionFailed the port changed since it was read, or its status no longer allows {@code action}
     */
    void apply(Port before, Port after, PortLifecycle action);

    /** Removes a port that was never accepted (its numbers could not all be claimed); conditional on its version. */
    void delete(Port port);

    /** One page of ports. */
    record Page(List<Port> ports, long total) {
    }

    /**
     * Ports of {@code accountIds}, newest first, optionally of one status: the {@code limit} after the
     * first {@code offset}, and how many there are in all.
     */
    Page list(List<String> accountIds, PortStatus status, int limit, int offset);
}
