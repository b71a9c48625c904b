package com.carrier.numbers.functions.views;

import com.carrier.numbers.domain.Job;
import com.carrier.numbers.domain.JobItem;
import com.carrier.numbers.functions.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The job document: {id, status, total, succeeded, failed, customer_reference?, created_at, completed_at?, results}. */
public final class JobViews {
    private JobViews() {
    }

    /** What a submission answers: {id, status, total}. */
    public static ObjectNode submitted(Job j) {
        return Json.object().put("id", j.id()).put("status", j.status().wire()).put("total", j.total());
    }

    public static ObjectNode summary(Job j) {
        ObjectNode o = Json.object().put("id", j.id()).put("type", j.kind()).put("status", j.status().wire())
                .put("total", j.total()).put("succeeded", j.succeeded()).put("failed", j.failed());
        if (j.customerReference() != null) {
            o.put("customer_reference", j.customerReference());
        }
        Views.time(o, "created_at", j.createdAt());
        Views.time(o, "completed_at", j.completedAt());
        return o;
    }

    public static ObjectNode withResults(Job j, List<JobItem> items, Integer nextIndex) {
        ObjectNode o = summary(j);
        ArrayNode results = o.putArray("results");
        for (JobItem i : items) {
            ObjectNode r = results.addObject().put("index", i.index());
            if (i.number() != null) {
                r.put("number", i.number());
            }
            r.put("action", i.action()).put("status", i.status());
            if (i.errorCode() != null) {
                r.putObject("error").put("code", i.errorCode()).put("message", i.errorMessage());
            }
        }
        if (nextIndex != null) {
            o.put("next_results_offset", nextIndex);
        }
        return o;
    }
}
