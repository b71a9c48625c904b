package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.JobViews;
import com.carrier.numbers.service.BulkJobs;

/**
 * GET /v2/jobs/{job_id}?results_offset=&results_limit= : status, counters and a result per item
 * (up to 1,000 per page; next_results_offset when more follow). Other accounts' jobs are 404.
 */
public class GetJobHandler extends ApiHandler {
    public GetJobHandler() {
        this(Platform.get());
    }

    public GetJobHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM);
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        int offset = request.queryInt("results_offset", 0, 0, 1_000_000);
        int limit = request.queryInt("results_limit", 1000, 1, 1000);
        BulkJobs.JobView view = platform.bulkJobs().get(caller, request.pathParam("job_id"), offset, limit);
        return Reply.ok(JobViews.withResults(view.job(), view.items(), view.nextIndex()));
    }
}
