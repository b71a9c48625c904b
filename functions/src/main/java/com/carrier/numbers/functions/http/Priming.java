package com.carrier.numbers.functions.http;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Money;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots an initialised execution environment, run a harmless
 * read through the SDK and Jackson, so their classes are loaded and initialised in the snapshot
 * instead of on the first request after restore.
 */
public final class Priming implements Resource {
    private static Priming registered;

    private final NumbersPlatform platform;

    private Priming(NumbersPlatform platform) {
        this.platform = platform;
    }

    /** Registers once per execution environment (CRaC keeps resources weakly: hold a reference). */
    public static synchronized void register(NumbersPlatform platform) {
        if (registered == null) {
            registered = new Priming(platform);
            Core.getGlobalContext().register(registered);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // A GetItem for a token that cannot exist: exercises the client, marshalling and HTTP stack.
        platform.credentials().authenticate("snapstart-priming-" + System.nanoTime());
        Json.write(Json.object().put("amount", Money.of("0.99").toDecimal()));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing: connections are re-established lazily by the HTTP client
    }
}
