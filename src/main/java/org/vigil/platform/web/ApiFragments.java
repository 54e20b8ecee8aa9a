package org.vigil.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smallrye.openapi.api.OpenApiConfig;
import io.smallrye.openapi.model.BaseModel;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The words of the API document live in {@code src/main/resources/api-docs/<feature>.yaml}, one entry
 * per operationId (summary, description, parameters by name, request body, answers), so that a
 * resource method shows its logic. The scanner still derives paths, parameter types, bodies, schemas
 * and security from the code; this filter lays each entry over its operation (the entry's keys first,
 * its answers replacing the scanner's defaults), then {@link ProblemResponsesFilter} adds the answers
 * every operation gives. {@code ApiFragmentsTest} keeps entries and operations one to one.
 */
public class ApiFragments implements OASFilter {

    /** The classpath directory of the fragments. */
    public static final String DIRECTORY = "api-docs";

    private static final String SCHEMAS = "#/components/schemas/";
    /** Keys whose generated value an entry completes (parameters, body) or replaces (answers) in place. */
    private static final Set<String> STRUCTURE = Set.of("parameters", "requestBody", "responses");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Fragment> fragments = read();
        Set<String> replaced = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(op -> {
                        Fragment fragment = fragments.get(op.getOperationId());
                        if (fragment != null) {
                            refs(fragment.layOver(op), replaced);
                        }
                    }));
        }
        dropOrphans(openAPI, replaced);
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
    }

    /**
     * A schema the scanner made only for an answer an entry replaced (e.g. {@code Page<PoliceIndicator>}
     * where the entry names {@code PoliceIndicatorPage}) is referenced by nothing any more: it goes.
     */
    private static void dropOrphans(OpenAPI openAPI, Set<String> candidates) {
        if (candidates.isEmpty()
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        refs(openAPI.getPaths(), used);
        Set<String> followed = new HashSet<>();
        while (followed.size() < used.size()) {
            for (String ref : Set.copyOf(used)) {
                if (followed.add(ref)) {
                    refs(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), used);
                }
            }
        }
        candidates.stream()
                .filter(ref -> ref.startsWith(SCHEMAS) && !used.contains(ref))
                .forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(SCHEMAS.length())));
    }

    /** Every {@code $ref} in a part of the document. */
    private static void refs(Object part, Set<String> found) {
        if (part instanceof Schema schema && schema.getRef() != null) {
            found.add(schema.getRef());
        }
        if (part instanceof BaseModel<?> model) {
            model.getAllProperties().values().forEach(value -> refs(value, found));
        } else if (part instanceof Map<?, ?> map) {
            map.values().forEach(value -> refs(value, found));
        } else if (part instanceof List<?> list) {
            list.forEach(value -> refs(value, found));
        }
    }

    /** Every fragment entry on the classpath, by operationId; a key given twice fails the build. */
    static Map<String, Fragment> read() {
        Map<String, Fragment> fragments = new TreeMap<>();
        for (Map.Entry<String, JsonNode> file : files().entrySet()) {
            file.getValue().fields().forEachRemaining(entry -> {
                if (fragments.put(entry.getKey(), Fragment.parse(entry.getKey(), entry.getValue())) != null) {
                    throw new IllegalStateException(
                            "operationId " + entry.getKey() + " documented twice (" + file.getKey() + ")");
                }
            });
        }
        return fragments;
    }

    /** The fragment files (name to content), read from the classpath directory, in a directory or a jar. */
    public static Map<String, JsonNode> files() {
        Map<String, JsonNode> files = new TreeMap<>();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (URL url : Collections.list(loader.getResources(DIRECTORY))) {
                if (url.getProtocol().equals("jar")) {
                    try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                        readAll(jar.getPath(DIRECTORY), files);
                    }
                } else {
                    readAll(Path.of(url.toURI()), files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void readAll(Path directory, Map<String, JsonNode> files) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    files.put(file.getFileName().toString(), YAML.readTree(in));
                }
            }
        }
    }

    /**
     * One operation's entry, read by SmallRye's own parser (as a one-operation document) so that its
     * examples and schemas become the same model the annotations gave. Parameters are a map by name.
     */
    record Fragment(Operation operation, List<String> parameterNames) {

        static Fragment parse(String operationId, JsonNode entry) {
            ObjectNode op = entry.deepCopy();
            List<String> names = new ArrayList<>();
            JsonNode parameters = op.remove("parameters");
            if (parameters != null) {
                ArrayNode list = op.putArray("parameters");
                parameters.fields().forEachRemaining(p -> {
                    names.add(p.getKey());
                    list.add(p.getValue());
                });
            }
            ObjectNode document = JSON.createObjectNode().put("openapi", "3.1.0");
            document.putObject("paths").putObject("/" + operationId).set("get", op);
            try {
                OpenAPI parsed = OpenApiParser.parse(
                        new ByteArrayInputStream(JSON.writeValueAsBytes(document)),
                        Format.JSON,
                        OpenApiConfig.fromConfig(ConfigProvider.getConfig()));
                return new Fragment(
                        parsed.getPaths().getPathItem("/" + operationId).getGET(), names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The entry's words first (summary, description: as an annotation's came first), then the
         * operation's keys in their place: parameters completed by name, the body merged, the answers
         * replaced. Returns the answers replaced (null if none), whose schemas may now be orphans.
         */
        APIResponses layOver(Operation target) {
            Map<String, Object> mine = properties(operation);
            Map<String, Object> theirs = properties(target);
            Map<String, Object> merged = new LinkedHashMap<>();
            mine.forEach((key, value) -> {
                if (!STRUCTURE.contains(key) || !theirs.containsKey(key)) {
                    merged.put(key, value);
                }
            });
            APIResponses replaced = mine.containsKey("responses") ? target.getResponses() : null;
            theirs.forEach((key, value) -> merged.putIfAbsent(
                    key,
                    switch (key) {
                        case "parameters" -> parameters(target);
                        case "responses" -> mine.getOrDefault(key, value);
                        default -> mine.containsKey(key) ? combine(value, mine.get(key)) : value;
                    }));
            set(target, merged);
            return replaced;
        }

        private List<Parameter> parameters(Operation target) {
            Iterator<String> names = parameterNames.iterator();
            for (Parameter documented :
                    operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                String name = names.next();
                Parameter parameter = target.getParameters().stream()
                        .filter(p -> name.equals(p.getName()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                target.getOperationId() + " has no parameter " + name + " (api-docs)"));
                combine(parameter, documented);
            }
            return new ArrayList<>(target.getParameters()); // the getter's list is read-only
        }
    }

    /** A documented value over a generated one: models merge with the documented keys first; a schema is replaced. */
    private static Object combine(Object generated, Object documented) {
        if (generated instanceof BaseModel<?> model
                && documented instanceof BaseModel<?> words
                && !(generated instanceof Schema)) {
            Map<String, Object> theirs = properties(model);
            Map<String, Object> merged = new LinkedHashMap<>();
            properties(words)
                    .forEach((key, value) ->
                            merged.put(key, theirs.containsKey(key) ? combine(theirs.get(key), value) : value));
            theirs.forEach(merged::putIfAbsent);
            set(model, merged);
            return model;
        }
        return documented;
    }

    private static Map<String, Object> properties(Object model) {
        return ((BaseModel<?>) model).getAllProperties();
    }

    private static void set(Object model, Map<String, Object> properties) {
        ((BaseModel<?>) model).setAllProperties(properties);
    }
}
