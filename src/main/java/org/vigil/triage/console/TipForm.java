package org.vigil.triage.console;

import org.vigil.platform.page.Form;

/**
 * The one form of the tip page that was sent and refused, shown again as typed: {@code action} names
 * it (and its section), {@code refusal} the words of why the tip refused it as a whole (its claim or
 * status, a stale page), null when its fields say why.
 */
public record TipForm(String action, Form form, String refusal) {

    static TipForm none() {
        return new TipForm("", Form.empty(), null);
    }

    /** What was typed in {@code field} of {@code action}'s form, if that is the form refused. */
    public String value(String action, String field) {
        return action.equals(this.action) ? form.value(field) : "";
    }

    /** Why {@code field} of {@code action}'s form was refused, or null. */
    public String error(String action, String field) {
        return action.equals(this.action) ? form.error(field) : null;
    }

    public boolean refused(String action) {
        return action.equals(this.action);
    }

    /** Whether the scam type {@code code} was ticked on {@code action}'s proposal. */
    public boolean checked(String action, String code) {
        return is(action, "scamType." + code, "true");
    }

    public boolean is(String action, String field, String value) {
        return action.equals(this.action) && form.is(field, value);
    }
}
