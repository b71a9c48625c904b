package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.Views;

/**
 * DELETE /v2/subaccounts/{S}/numbers/{N}?force=&reason=&defer= : back to the parent pool, subject to
 * the 15-day cool-off (force: admin only). {@code defer=true} during a cool-off answers 202
 * {number, status: "scheduled", cool_off_until} and the cool-off workflow unassigns when it ends.
 */
public class UnassignFromSubAccountHandler extends ApiHandler {
    public UnassignFromSubAccountHandler() {
        this(Platform.get());
    }

    public UnassignFromSubAccountHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        String sub = request.accountParam("sub_account_id");
        String number = request.numberParam("number");
        boolean force = request.queryFlag("force");
        if (request.queryFlag("defer") && !force) {
            var outcome = platform.subAccountPool().unassignWhenCooledOff(caller, sub, number);
            return outcome.scheduled() ? Reply.accepted(Views.scheduledUnassign(outcome.number()))
                    : Reply.ok(Views.numberDetails(outcome.number()));
        }
        return Reply.ok(Views.numberDetails(platform.subAccountPool().unassign(caller, sub, number, force, request.query("reason"))));
    }
}
