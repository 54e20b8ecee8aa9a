package org.vigil.checklist.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestForm;
import org.vigil.checklist.Checklist;
import org.vigil.checklist.ChecklistRequests;
import org.vigil.checklist.ChecklistViews;
import org.vigil.platform.page.Form;
import org.vigil.platform.web.Slugs;

/**
 * The checklist form as posted: the questions come as repeated fields in the order shown (a row
 * left empty is dropped), the bands as their thresholds and advice. Its values are keyed by the
 * API's field names ({@code items[2].text}, {@code bands.medium.minPercent}), so that the API's
 * findings land next to their fields.
 */
public class ChecklistForm {

    /** Empty rows offered below the questions, to add some without a script. */
    static final int SPARE_ROWS = 3;

    @RestForm
    public String version;

    @RestForm
    public String language;

    @RestForm
    public String slug;

    @RestForm
    public String translationKey;

    @RestForm
    public String scamType;

    @RestForm
    public String title;

    @RestForm
    public String introduction;

    /** Each question's stable id: kept from the saved checklist, made from the text for a new one. */
    @RestForm
    public List<String> itemId = List.of();

    @RestForm
    public List<String> itemText = List.of();

    @RestForm
    public List<String> itemWeight = List.of();

    @RestForm
    public String lowAdvice;

    @RestForm
    public String mediumMin;

    @RestForm
    public String mediumAdvice;

    @RestForm
    public String highMin;

    @RestForm
    public String highAdvice;

    @RestForm
    public String relatedArticles;

    /** What was typed, as the form shows it again (the empty question rows dropped). */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("version", text(version));
        values.put("lang", text(language));
        values.put("slug", text(slug));
        values.put("translationKey", text(translationKey));
        values.put("scamType", text(scamType));
        values.put("title", text(title));
        values.put("introduction", text(introduction));
        List<Row> rows = typedRows();
        for (int i = 0; i < rows.size(); i++) {
            values.put(Form.rowField("items", i, "id"), rows.get(i).id());
            values.put(Form.rowField("items", i, "text"), rows.get(i).text());
            values.put(Form.rowField("items", i, "weight"), rows.get(i).weight());
        }
        values.put("bands.low.advice", text(lowAdvice));
        values.put("bands.medium.minPercent", text(mediumMin));
        values.put("bands.medium.advice", text(mediumAdvice));
        values.put("bands.high.minPercent", text(highMin));
        values.put("bands.high.advice", text(highAdvice));
        values.put("relatedArticles", text(relatedArticles));
        return values;
    }

    /** The request the API would get: the slug made from the title when left empty. */
    ChecklistRequests.Draft request() {
        String related = text(relatedArticles).strip();
        String address = text(slug).isBlank() ? Slugs.fromTitle(text(title), 120, "") : slug.strip();
        return new ChecklistRequests.Draft(
                address,
                text(language),
                optional(translationKey),
                text(scamType),
                text(title),
                text(introduction),
                typedRows().stream()
                        .map(row -> new ChecklistRequests.Draft.Item(row.id(), row.text(), number(row.weight())))
                        .toList(),
                new ChecklistRequests.Draft.Bands(
                        new ChecklistRequests.Draft.Band(0, text(lowAdvice)),
                        new ChecklistRequests.Draft.Band(number(mediumMin), text(mediumAdvice)),
                        new ChecklistRequests.Draft.Band(number(highMin), text(highAdvice))),
                related.isEmpty() ? List.of() : List.of(related.split("[,\\s]+")));
    }

    /** The form filled with a checklist as saved. */
    static Map<String, String> values(ChecklistViews.Admin c) {
        ChecklistForm form = new ChecklistForm();
        form.version = Long.toString(c.version());
        form.language = c.lang();
        form.slug = c.slug();
        form.translationKey = c.translationKey();
        form.scamType = c.scamType().code();
        form.title = c.title();
        form.introduction = c.introduction();
        form.itemId = c.items().stream().map(ChecklistRequests.Draft.Item::id).toList();
        form.itemText =
                c.items().stream().map(ChecklistRequests.Draft.Item::text).toList();
        form.itemWeight =
                c.items().stream().map(i -> String.valueOf(i.weight())).toList();
        form.lowAdvice = c.bands().low().advice();
        form.mediumMin = String.valueOf(c.bands().medium().minPercent());
        form.mediumAdvice = c.bands().medium().advice();
        form.highMin = String.valueOf(c.bands().high().minPercent());
        form.highAdvice = c.bands().high().advice();
        form.relatedArticles = String.join(", ", c.relatedArticles());
        return form.values();
    }

    /** The question rows the form shows for {@code values}: the typed ones and a few empty ones. */
    static List<Integer> rows(Map<String, String> values) {
        int typed = (int) IntStream.range(0, Checklist.MAX_ITEMS)
                .takeWhile(i -> values.containsKey(Form.rowField("items", i, "text")))
                .count();
        return IntStream.range(0, Math.min(Checklist.MAX_ITEMS, typed + SPARE_ROWS))
                .boxed()
                .toList();
    }

    /** A question row as typed. */
    private record Row(String id, String text, String weight) {}

    /** The rows with a text or a weight; a row without an id (a new question) gets one from its text. */
    private List<Row> typedRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < itemText.size(); i++) {
            String text = text(itemText.get(i)).strip();
            String weight = i < itemWeight.size() ? text(itemWeight.get(i)).strip() : "";
            if (text.isEmpty() && weight.isEmpty()) {
                continue;
            }
            String id = i < itemId.size() ? text(itemId.get(i)).strip() : "";
            rows.add(new Row(id.isEmpty() ? Slugs.fromTitle(text, 60, "q" + (rows.size() + 1)) : id, text, weight));
        }
        return rows;
    }

    private static Integer number(String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
