package org.vigil.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vigil.platform.web.ApiFragments;

/**
 * The API document's words live in api-docs/*.yaml, one entry per operationId (ApiFragments): no
 * entry names an operation that does not exist, every operation has its entry, and resources carry
 * no operation documentation of their own (only @Tag and @SecurityRequirement on the class).
 */
@QuarkusTest
class ApiFragmentsTest {

    private static final Set<String> DOCUMENTATION = Set.of(
            "org.eclipse.microprofile.openapi.annotations.Operation",
            "org.eclipse.microprofile.openapi.annotations.responses.APIResponse",
            "org.eclipse.microprofile.openapi.annotations.responses.APIResponses",
            "org.eclipse.microprofile.openapi.annotations.parameters.RequestBody",
            "org.eclipse.microprofile.openapi.annotations.parameters.Parameter");

    @Test
    void entriesAndOperationsAreOneToOne() {
        Set<String> operations = operations();
        Set<String> entries = new TreeSet<>();
        for (JsonNode file : ApiFragments.files().values()) {
            file.fieldNames().forEachRemaining(entries::add);
        }
        assertThat(entries).as("api-docs files").isNotEmpty();

        assertThat(entries)
                .as("api-docs entries without an operation of that operationId")
                .isSubsetOf(operations);
        assertThat(operations).as("operations without an api-docs entry").isSubsetOf(entries);
    }

    /** The operationIds of the served document (dev-only endpoints are not in it). */
    private static Set<String> operations() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.values()
                .forEach(item -> item.forEach((method, op) -> {
                    if (!method.equals("parameters")) {
                        operations.add(String.valueOf(op.get("operationId")));
                    }
                }));
        return operations;
    }

    @Test
    void resourcesCarryNoOperationDocumentation() throws ClassNotFoundException {
        Set<String> inDocument = new TreeSet<>();
        operations().forEach(op -> inDocument.add(op.substring(0, op.indexOf('_'))));
        List<String> found = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vigil")) {
            if (!type.isAnnotatedWith(Path.class) || !inDocument.contains(type.getSimpleName())) {
                continue;
            }
            Class<?> resource = Class.forName(type.getName());
            for (Annotation annotation : resource.getAnnotations()) {
                if (DOCUMENTATION.contains(annotation.annotationType().getName())) {
                    found.add(type.getSimpleName() + ": @"
                            + annotation.annotationType().getSimpleName());
                }
            }
            for (Method method : resource.getDeclaredMethods()) {
                List<Annotation> annotations = new ArrayList<>(List.of(method.getAnnotations()));
                for (Annotation[] parameter : method.getParameterAnnotations()) {
                    annotations.addAll(List.of(parameter));
                }
                annotations.stream()
                        .filter(a -> DOCUMENTATION.contains(a.annotationType().getName()))
                        .forEach(a -> found.add(type.getSimpleName() + "." + method.getName() + ": @"
                                + a.annotationType().getSimpleName()));
            }
        }
        assertThat(found)
                .as("documentation belongs in api-docs/*.yaml, not on the method")
                .isEmpty();
    }
}
