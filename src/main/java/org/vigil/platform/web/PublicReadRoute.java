package org.vigil.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.vigil.platform.config.VigilConfig;

/**
 * The fast path of public reads: a request the REST layer has answered before, through
 * {@link PublicCaching#cached}, is answered again here, on the I/O thread, from the same
 * {@link ReadCache} entry: the same bytes and headers, without the hop to a worker thread. What
 * this route cannot answer (an unknown request, a changed topic, an If-Match, a 200 whose body was
 * never built) goes on to the REST layer as before.
 *
 * <p>A request is known by its method, URI, Accept-Language and Accept, the headers the REST
 * layer reads to choose the answer; If-None-Match and Accept-Encoding are decided per request.
 */
@Singleton
public class PublicReadRoute {

    /** Where the REST layer's answer to a raw request is kept in the {@link ReadCache}. */
    private record Target(String topic, Object key, String mediaType) {}

    private final ReadCache cache;
    private final CurrentVertxRequest current;
    private final Cache<String, Target> targets;
    private final boolean enabled;
    private final String cacheControl;

    PublicReadRoute(ReadCache cache, CurrentVertxRequest current, VigilConfig config) {
        this.cache = cache;
        this.current = current;
        VigilConfig.Http http = config.http();
        this.enabled = !http.readCacheTtl().isZero();
        this.cacheControl = PublicCaching.cacheControl(http.publicMaxAge());
        // bounded by the length of what it remembers: raw request lines are client input
        this.targets = Caffeine.newBuilder()
                .expireAfterWrite(http.readCacheTtl())
                .maximumWeight(Math.max(1, http.readCacheSize().asLongValue() / 8))
                .weigher((String raw, Target target) -> 2 * raw.length() + 256)
                .build();
    }

    void install(@Observes Router router) {
        // after RouterProblems' checks (Integer.MIN_VALUE), before the REST layer
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    /** Called by the REST layer while it answers a request from the cache entry named. */
    void remember(String topic, Object key, String mediaType) {
        RoutingContext context = enabled ? current.getCurrent() : null;
        if (context != null && context.request().method() == HttpMethod.GET) {
            targets.put(raw(context.request()), new Target(topic, key, mediaType));
        }
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!enabled || request.method() != HttpMethod.GET || request.getHeader(HttpHeaders.IF_MATCH) != null) {
            context.next();
            return;
        }
        Target target = targets.getIfPresent(raw(request));
        PublicCaching.Answer answer = target == null
                ? null
                : cache.find(target.topic(), PublicCaching.Answer.class, target.key(), target.mediaType())
                        .orElse(null);
        boolean notModified = answer != null
                && PublicCaching.matches(
                        request.getHeader(HttpHeaders.IF_NONE_MATCH),
                        answer.version().etag());
        if (answer == null || (!notModified && answer.body() == null)) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.ETAG, "\"" + answer.version().etag().getValue() + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.VARY, PublicCaching.VARY);
        if (answer.version().language() != null) {
            response.putHeader(HttpHeaders.CONTENT_LANGUAGE, answer.version().language());
        }
        if (notModified) {
            response.setStatusCode(304).end();
            return;
        }
        boolean gzip = answer.gzip() != null
                && PublicCaching.acceptsGzip(request.headers().getAll(HttpHeaders.ACCEPT_ENCODING));
        response.putHeader(HttpHeaders.CONTENT_TYPE, answer.mediaType());
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip");
        }
        response.setStatusCode(200).end(Buffer.buffer(gzip ? answer.gzip() : answer.body()));
    }

    private static String raw(HttpServerRequest request) {
        return request.uri()
                + '\n'
                + header(request, HttpHeaders.ACCEPT_LANGUAGE)
                + '\n'
                + header(request, HttpHeaders.ACCEPT);
    }

    private static String header(HttpServerRequest request, String name) {
        List<String> values = request.headers().getAll(name);
        return values.isEmpty() ? "" : String.join(",", values);
    }
}
