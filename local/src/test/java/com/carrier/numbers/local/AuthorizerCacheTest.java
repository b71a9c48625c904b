package com.carrier.numbers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrier.numbers.domain.Role;
import com.carrier.numbers.functions.Platform;
import com.carrier.numbers.local.TemplateRoutes.AuthorizerDef;
import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import com.carrier.numbers.template.SamTemplate;
import com.carrier.numbers.testing.PlatformFixture;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The authorizer's cache as template.yaml configures it (ReauthorizeEvery), with the real
 * AuthorizerHandler and the cache on: a revoked token keeps working only until its cached decision
 * expires. The cache's clock is driven, not the cache cleared by hand.
 */
class AuthorizerCacheTest {

    @Test
    void aRevokedTokenStopsWorkingWithinTheCachesLifetime() throws Exception {
        PlatformFixture f = PlatformFixture.create();
        f.master("MA_cache", "0");
        var issued = f.platform.credentials().create(f.admin, "MA_cache", Role.USER, "soon revoked");
        Platform.use(f.platform); // the handler's no-argument constructor takes this platform

        TemplateRoutes template = TemplateRoutes.read(SamTemplate.find());
        AuthorizerDef def = template.authorizer().orElseThrow();
        assertThat(def.ttlSeconds()).as("ReauthorizeEvery of template.yaml").isEqualTo(30);
        ObjectMapper json = new ObjectMapper();
        HttpApiEvents events = new HttpApiEvents(json);
        AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
        LambdaAuthorizer authorizer = new LambdaAuthorizer(def, LambdaFunction.load(def.function(), getClass().getClassLoader()),
                events, json, nanos::get);
        RouteDef route = template.routes().getFirst();

        assertThat(authorizer.authorize(request(events, route, issued.token())).context()).containsEntry("account_id", "MA_cache");

        f.platform.credentials().revoke(f.admin, "MA_cache", issued.credential().authId());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(29));
        // Still inside the cached decision's lifetime: API Gateway answers from its cache too.
        assertThat(authorizer.authorize(request(events, route, issued.token())).context()).containsEntry("account_id", "MA_cache");

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2)); // 31 s after the decision: expired
        assertThat(authorizer.authorize(request(events, route, issued.token())).context())
                .containsEntry("anonymous", "true").doesNotContainKey("account_id");
    }

    private static HttpApiEvents.Parsed request(HttpApiEvents events, RouteDef route, String token) {
        HttpRequest r = new HttpRequest("GET", "/v2/numbers", null, Map.of("X-Auth-Token", List.of(token)), new byte[0],
                "127.0.0.1", "HTTP/1.1");
        return events.parse(r, route, Map.of(), "rid", Instant.now());
    }
}
