package com.carrier.numbers.functions.api;

import com.carrier.numbers.NumbersPlatform;
import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobStatus;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.functions.http.ApiHandler;
import com.carrier.numbers.functions.http.ApiRequest;
import com.carrier.numbers.functions.http.Envelope;
import com.carrier.numbers.functions.http.Priming;
import com.carrier.numbers.functions.http.Json;
import com.carrier.numbers.functions.http.Reply;
import com.carrier.numbers.functions.views.JobViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** GET /v2/jobs?status=&limit=&offset= : the caller's account's jobs, newest first: {jobs, total, limit, offset}. */
public class ListJobsHandler extends ApiHandler {
    public ListJobsHandler() {
        this(Platform.get());
    }

    public ListJobsHandler(NumbersPlatform platform) {
        super(platform, Envelope.PLATFORM, Priming.Read.NONE); // its role reads no accounts (jobs only)
    }

    @Override
    protected Reply handle(ApiRequest request) {
        var caller = request.caller();
        int limit = request.queryInt("limit", 20, 1, 100);
        int offset = request.queryInt("offset", 0, 0, 10_000);
        JobStatus status = status(request.query("status"));
        List<Job> jobs = platform.bulkJobs().list(caller, status, limit, offset);
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("jobs");
        jobs.forEach(j -> list.add(JobViews.summary(j)));
        data.put("total", platform.bulkJobs().count(caller, status)).put("limit", limit).put("offset", offset);
        return Reply.ok(data);
    }

    private static JobStatus status(String s) {
        if (s == null) {
            return null;
        }
        try {
            return JobStatus.fromWire(s);
        } catch (IllegalArgumentException e) {
            throw PlatformException.validation("status", "status must be queued, running, completed, completed_with_errors or failed");
        }
    }
}
