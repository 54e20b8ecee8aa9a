package org.vigil.platform.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.vigil.platform.error.ApiException;

/**
 * Typed query parameters: a whole number, true/false, or a {@link Coded} enum. JAX-RS answers 404 to a
 * query parameter it cannot convert ({@code ?limit=abc}) and reads any text but "true" as false; here
 * each is the 400 validation problem that names the parameter, like every other invalid input. An
 * absent parameter (and a blank code) is null: a required one says so with {@code @NotNull}.
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        if (name == null) {
            return null;
        }
        String field = name;
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(value -> {
                try {
                    return Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.invalid(field, "must be a whole number");
                }
            });
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(value -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw ApiException.invalid(field, "must be true or false");
            });
        }
        if (rawType.isEnum() && Coded.class.isAssignableFrom(rawType)) {
            Class type = rawType;
            return (ParamConverter<T>) converter(value -> Coded.param(type, field, value));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(Function<String, V> read) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return value == null ? null : read.apply(value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value instanceof Coded coded ? coded.code() : value.toString();
            }
        };
    }
}
