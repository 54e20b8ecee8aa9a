package org.vigil.platform.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The dev-mode demo content of each feature: JSON lists under {@code src/main/resources/demo/}. */
public final class DemoResources {

    private DemoResources() {}

    /** Reads {@code demo/<name>} as a list of {@code type}; a missing or broken file stops the start. */
    public static <T> List<T> read(ObjectMapper json, String name, Class<T> type) {
        String resource = "demo/" + name;
        try (InputStream in = DemoResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return json.readValue(in, json.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is unreadable", e);
        }
    }
}
