package com.carrier.numbers.local;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.E164;
import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.InventoryNumber;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Rate;
import com.carrier.numbers.domain.RateTable;
import com.carrier.numbers.domain.Role;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo accounts, credentials and inventory the local runtime starts with (written in the
 * README), seeded through the domain services so they obey the same rules as API calls. Seeding is
 * skipped when a persisted database already holds them.
 */
public final class DemoData {

    /** A demo credential: account, role, token. */
    public record DemoCredential(String accountId, Role role, String token, String description) {
    }

    /** A block of inventory: {@code count} valid numbers from {@code +1 npa exchange 0000} upwards. */
    public record InventoryBlock(String npa, String exchange, String city, String region, String type, int count) {
    }

    public static final String OPERATOR_ACCOUNT = "MA_platform";
    public static final DemoCredential ADMIN = new DemoCredential(OPERATOR_ACCOUNT, Role.ADMIN, "local-admin-token", "platform operator (admin)");
    public static final DemoCredential DEMO_MASTER = new DemoCredential("MA_demo", Role.USER, "demo-master-token", "master account");
    public static final DemoCredential DEMO_SUB1 = new DemoCredential("SA_demo1", Role.USER, "demo-sub1-token", "sub-account of MA_demo");
    public static final DemoCredential DEMO_SUB2 = new DemoCredential("SA_demo2", Role.USER, "demo-sub2-token", "sub-account of MA_demo");
    public static final DemoCredential OTHER_MASTER = new DemoCredential("MA_other", Role.USER, "other-master-token", "unrelated master account");
    public static final List<DemoCredential> CREDENTIALS = List.of(ADMIN, DEMO_MASTER, DEMO_SUB1, DEMO_SUB2, OTHER_MASTER);
    public static final Money STARTING_BALANCE = Money.of("100.00");

    // Exchanges checked valid with libphonenumber (some 555 ranges are not); toll-free numbers have no city or region.
    public static final List<InventoryBlock> INVENTORY = List.of(
            new InventoryBlock("415", "200", "San Francisco", "CA", "local", 1000),
            new InventoryBlock("212", "201", "New York", "NY", "local", 1000),
            new InventoryBlock("512", "202", "Austin", "TX", "local", 1000),
            new InventoryBlock("800", "203", null, null, "toll_free", 1000));

    private DemoData() {
    }

    /** Seeds everything unless MA_demo already exists; returns whether it seeded. */
    public static boolean seed(NumbersPlatform platform) {
        if (alreadySeeded(platform)) {
            return false;
        }
        Caller system = Caller.SYSTEM;
        platform.accounts().create(system, OPERATOR_ACCOUNT, "Platform operator", null, List.of());
        platform.accounts().create(system, "MA_demo", "Demo master", null, List.of());
        platform.accounts().create(system, "SA_demo1", "Demo sub-account 1", "MA_demo", List.of());
        platform.accounts().create(system, "SA_demo2", "Demo sub-account 2", "MA_demo", List.of());
        platform.accounts().create(system, "MA_other", "Other master", null, List.of());
        for (DemoCredential c : CREDENTIALS) {
            register(platform, c);
            if (c != ADMIN) {
                platform.accounts().credit(system, c.accountId(), STARTING_BALANCE);
            }
        }
        RateTable rates = RateTable.standard();
        for (InventoryBlock block : INVENTORY) {
            platform.inventory().load(system, numbers(block, rates));
        }
        return true;
    }

    /** The numbers of one block, all valid E.164 numbers, priced from the rate table. */
    public static List<InventoryNumber> numbers(InventoryBlock block, RateTable rates) {
        Rate rate = rates.require("US", block.type());
        List<InventoryNumber> out = new ArrayList<>(block.count());
        for (int line = 0; line < 10_000 && out.size() < block.count(); line++) {
            String candidate = "+1" + block.npa() + block.exchange() + String.format("%04d", line);
            try {
                String number = E164.parse(candidate, "number");
                out.add(new InventoryNumber(number, block.city(), block.region(), "US", block.type(), rate.setupFee(), rate.monthlyCost()));
            } catch (PlatformException invalid) {
                // skip numbers libphonenumber does not consider valid
            }
        }
        if (out.size() < block.count()) {
            throw new IllegalStateException("only " + out.size() + " valid numbers in +1 " + block.npa() + " " + block.exchange());
        }
        return out;
    }

    public static void print(PrintStream out) {
        out.println("Demo credentials (send as X-Auth-Token):");
        for (DemoCredential c : CREDENTIALS) {
            out.printf("  %-20s %-12s %s%n", c.token(), c.accountId(), c.description());
        }
        out.printf("  balances: %s each for MA_demo, SA_demo1, SA_demo2, MA_other; no region restriction%n", STARTING_BALANCE);
        StringBuilder inv = new StringBuilder("Inventory: ");
        for (InventoryBlock b : INVENTORY) {
            inv.append(b.count()).append(" x ").append(b.npa())
                    .append(b.city() == null ? " (" + b.type() + ")" : " (" + b.city() + ", " + b.region() + ")").append("  ");
        }
        out.println(inv.toString().trim());
    }

    private static boolean alreadySeeded(NumbersPlatform platform) {
        try {
            platform.accounts().get(Caller.SYSTEM, DEMO_MASTER.accountId());
            return true;
        } catch (PlatformException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The demo tokens are fixed strings: stored (hashed) for a given token. */
    private static void register(NumbersPlatform platform, DemoCredential c) {
        platform.credentials().register(c.accountId(), c.role(), "demo: " + c.description(), c.token());
    }
}
