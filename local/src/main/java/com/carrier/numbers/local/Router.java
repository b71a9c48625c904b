package com.carrier.numbers.local;

import com.carrier.numbers.local.TemplateRoutes.RouteDef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Route selection as API Gateway HTTP APIs do it: the most specific route wins, segment by segment
 * (a literal beats {@code {param}}, which beats a greedy {@code {proxy+}}), and a route for the exact
 * method beats {@code ANY}. So {@code /v2/numbers/inventory} is never taken for {@code /v2/numbers/{number_id}}.
 * Path parameters are percent-decoded per RFC 3986: {@code %2B} becomes {@code +} and a literal
 * {@code +} stays {@code +} (URLDecoder's form decoding would turn it into a space).
 */
public final class Router {

    /** A selected route with its decoded path parameters. */
    public record Match(RouteDef route, Map<String, String> pathParameters) {
    }

    private enum Kind { LITERAL, PARAM, GREEDY } // declaration order = precedence

    private record Segment(Kind kind, String text) {
    }

    private record Compiled(RouteDef route, List<Segment> segments) {
    }

    private final List<Compiled> routes = new ArrayList<>();

    public Router(List<RouteDef> routes) {
        for (RouteDef r : routes) {
            this.routes.add(new Compiled(r, compile(r.path())));
        }
    }

    public Optional<Match> match(String method, String rawPath) {
        List<String> raw = split(rawPath);
        Compiled best = null;
        for (Compiled c : routes) {
            if (!c.route().method().equals(method) && !c.route().method().equals("ANY")) {
                continue;
            }
            if (matches(c.segments(), raw) && (best == null || moreSpecific(c, best, raw.size()))) {
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Match(best.route(), parameters(best.segments(), raw)));
    }

    private static boolean matches(List<Segment> pattern, List<String> raw) {
        for (int i = 0; i < pattern.size(); i++) {
            Segment s = pattern.get(i);
            if (s.kind() == Kind.GREEDY) {
                return raw.size() > i; // a greedy variable needs at least one segment
            }
            if (i >= raw.size()) {
                return false;
            }
            if (s.kind() == Kind.LITERAL && !s.text().equals(decode(raw.get(i)))) {
                return false;
            }
            if (s.kind() == Kind.PARAM && raw.get(i).isEmpty()) {
                return false;
            }
        }
        return pattern.size() == raw.size();
    }

    private static boolean moreSpecific(Compiled a, Compiled b, int depth) {
        for (int i = 0; i < depth; i++) {
            Kind ka = kindAt(a.segments(), i);
            Kind kb = kindAt(b.segments(), i);
            if (ka != kb) {
                return ka.ordinal() < kb.ordinal();
            }
        }
        // Same shape: the exact method beats ANY.
        return !a.route().method().equals("ANY") && b.route().method().equals("ANY");
    }

    private static Kind kindAt(List<Segment> segments, int i) {
        return i < segments.size() ? segments.get(i).kind() : Kind.GREEDY;
    }

    private static Map<String, String> parameters(List<Segment> pattern, List<String> raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            Segment s = pattern.get(i);
            if (s.kind() == Kind.PARAM) {
                out.put(s.text(), decode(raw.get(i)));
            } else if (s.kind() == Kind.GREEDY) {
                out.put(s.text(), decode(String.join("/", raw.subList(i, raw.size()))));
            }
        }
        return out.isEmpty() ? Collections.emptyMap() : out;
    }

    private static List<Segment> compile(String path) {
        List<Segment> out = new ArrayList<>();
        for (String s : split(path)) {
            if (s.startsWith("{") && s.endsWith("+}")) {
                out.add(new Segment(Kind.GREEDY, s.substring(1, s.length() - 2)));
            } else if (s.startsWith("{") && s.endsWith("}")) {
                out.add(new Segment(Kind.PARAM, s.substring(1, s.length() - 1)));
            } else {
                out.add(new Segment(Kind.LITERAL, s));
            }
        }
        return out;
    }

    private static List<String> split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty()) {
            return List.of();
        }
        return List.of(p.split("/", -1));
    }

    /**
     * RFC 3986 percent-decoding (UTF-8): only {@code %XX} escapes are decoded; {@code +} is an
     * ordinary character in a path. A malformed escape is kept as written.
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
            } else {
                byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
