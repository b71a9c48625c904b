package com.carrier.numbers.functions.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A real HTTP endpoint on loopback that receives what the simulated carrier's task POSTs (the callback's side is tested elsewhere). */
final class CarrierCallbackServer {
    record Received(String path, String timestamp, String signature, String body) {
    }

    private static HttpServer server;
    private static volatile Received last;

    private CarrierCallbackServer() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                last = new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Carrier-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Carrier-Signature"), body);
                byte[] answer = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static Received last() {
        return last;
    }
}
