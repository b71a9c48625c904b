package com.carrier.numbers.functions.http;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.service.SearchQuery;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: before Lambda snapshots an initialised execution environment, run one
 * harmless read through the SDK (credentials, signing, marshalling, HTTP) and Jackson, so their
 * classes are loaded and initialised in the snapshot instead of on the first request after restore.
 *
 * <p>Two rules, because a {@code beforeCheckpoint} that throws fails the snapshot, the version and
 * the deploy: the read is one the function's own role allows (each handler names it: a read of an
 * account that cannot exist, an inventory search, a token lookup, or none), and nothing escapes
 * the hook. The IAM coverage test records the priming calls of every function and checks them
 * against its policy in template.yaml.
 */
public final class Priming implements Resource {
    /** The read a function's priming makes; it must be allowed by that function's policy. */
    @FunctionalInterface
    public interface Read {
        void run(NumbersPlatform platform);

        /** GetItem on the accounts table (an id no account has): what nearly every API function's scope check does. */
        Read ACCOUNT = p -> p.accounts().get(Caller.SYSTEM, "MA_snapstart_priming");
        /** GetItem on the credentials table (a token no credential has): the authorizer's own read. */
        Read CREDENTIAL = p -> p.credentials().authenticate("snapstart-priming");
        /** Query on the inventory's prefix index (an area code with no numbers): the search functions' read. */
        Read INVENTORY = p -> p.inventory().search(new SearchQuery("+1999", null, null, 1));
        /** No network call: Jackson and the request/response classes only (functions without a harmless read). */
        Read NONE = p -> { };
    }

    private static Priming registered;

    private final NumbersPlatform platform;
    private final Read read;

    private Priming(NumbersPlatform platform, Read read) {
        this.platform = platform;
        this.read = read;
    }

    /** Registers once per execution environment (CRaC keeps resources weakly: hold a reference). */
    public static synchronized void register(NumbersPlatform platform, Read read) {
        if (registered == null) {
            registered = new Priming(platform, read);
            Core.getGlobalContext().register(registered);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            Json.write(Json.object().put("amount", Money.of("0.99").toDecimal()));
            read.run(platform);
        } catch (Exception | LinkageError e) {
            // Expected for the ACCOUNT read (not found); anything else only costs the head start.
            if (!(e instanceof com.carrier.numbers.domain.PlatformException)) {
                System.err.println("SnapStart priming skipped: " + e);
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing: connections are re-established lazily by the HTTP client, credentials refreshed
        // by the provider when they expire
    }
}
