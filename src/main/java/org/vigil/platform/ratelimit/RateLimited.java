package org.vigil.platform.ratelimit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an endpoint counts against the {@link SourceLimit} of this name (a bean with
 * {@code @Identifier(name)}, built by the feature from its typed config). Checked after the
 * parameters and body are validated and before the method runs; see {@link RateLimitInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
    @Nonbinding
    String value();
}
