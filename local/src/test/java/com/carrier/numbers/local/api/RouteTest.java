package com.carrier.numbers.local.api;

import com.carrier.numbers.local.LocalApi;

/** Route tests share one local runtime per JVM (seeded demo data), reached over real HTTP. */
abstract class RouteTest {
    static final Api api = new Api(LocalApi.shared());
}
