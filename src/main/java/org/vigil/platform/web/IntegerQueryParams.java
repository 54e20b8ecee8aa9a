package org.vigil.platform.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.vigil.platform.error.ApiException;

/**
 * JAX-RS answers 404 to a query parameter it cannot convert (`?limit=abc`); this converter makes
 * it the 400 validation problem that names the parameter, like every other invalid input.
 */
@Provider
public class IntegerQueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class) {
            return null;
        }
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
        return (ParamConverter<T>) new ParamConverter<Integer>() {
            @Override
            public Integer fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.invalid(field, "must be a whole number");
                }
            }

            @Override
            public String toString(Integer value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
