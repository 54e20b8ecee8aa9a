package org.vigil.platform.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.platform.error.Problem;

/**
 * A form as the page shows it again: what was typed, and next to each field why it was refused, in
 * the page's words. The findings are the API's own ({@link Problem.FieldError}, from the same
 * validation); each becomes the words of {@code <form>.error.<field>} (indexes dropped:
 * {@code tip.error.identifiers.value} for {@code identifiers[1].value}), else a general phrase.
 */
public record Form(Map<String, String> values, Map<String, String> errors) {

    public static Form empty() {
        return new Form(Map.of(), Map.of());
    }

    public static Form of(Map<String, String> values) {
        return new Form(values, Map.of());
    }

    /** {@code values} with the words for {@code findings}, keyed by the API's field names. */
    public static Form refused(
            Map<String, String> values, List<Problem.FieldError> findings, String form, PageFrame page) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.FieldError finding : findings) {
            String key = form + ".error." + finding.field().replaceAll("\\[[^]]*]", "");
            errors.putIfAbsent(
                    finding.field(), page.words().find(page.lang(), key).orElseGet(() -> page.t("form.error")));
        }
        return new Form(values, errors);
    }

    /** This form with one more refusal, worded by the page itself. */
    public Form with(String field, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(field, message);
        return new Form(values, more);
    }

    /** What was typed in {@code field}, or nothing. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value.equals(values.get(field));
    }

    /** Why {@code field} was refused, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** What was typed in a field of a repeated row: {@code row('identifiers', 1, 'value')}. */
    public String row(String rows, int index, String field) {
        return value(rowField(rows, index, field));
    }

    public String rowError(String rows, int index, String field) {
        return error(rowField(rows, index, field));
    }

    /** The name of that field in findings and values: {@code identifiers[1].value}. */
    public static String rowField(String rows, int index, String field) {
        return rows + "[" + index + "]." + field;
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }
}
