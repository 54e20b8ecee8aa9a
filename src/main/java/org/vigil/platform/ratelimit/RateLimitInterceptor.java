package org.vigil.platform.ratelimit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link RateLimited}. Its priority puts it inside the bean-validation interceptor
 * (PLATFORM_AFTER + 800), so an invalid request is answered 400 without using up the caller's budget.
 * The address is turned into a {@link SourceKeys} hash at once and goes no further.
 */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class RateLimitInterceptor {

    @Inject
    CurrentVertxRequest request;

    @Inject
    SourceKeys sourceKeys;

    @Inject
    @Any
    Instance<SourceLimit> limits;

    private final Map<String, SourceLimit> byName = new ConcurrentHashMap<>();

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RateLimited declared = context.getMethod().getAnnotation(RateLimited.class);
        if (declared == null) {
            declared = context.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        SourceLimit limit = byName.computeIfAbsent(
                declared.value(),
                name -> limits.select(Identifier.Literal.of(name)).get());
        limit.acquire(
                sourceKeys.of(request.getCurrent().request().remoteAddress().hostAddress()));
        return context.proceed();
    }
}
