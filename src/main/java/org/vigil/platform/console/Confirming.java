package org.vigil.platform.console;

import java.util.List;

/**
 * The step before a change an editor in a hurry must not make by mistake (a deletion, an event's
 * cancellation): a page that names the item, says what the change means, and sends it at the
 * version it was read at, or goes back. Its words are {@code <words>.<what>.title} (the question,
 * {@code {0}} the item's title), {@code .button}, and the paragraphs {@code says}.
 *
 * @param editing the item as read, its state and version; the change must be one of its actions
 * @param words the prefix of the item's words, e.g. desk.article
 * @param what the change, the last part of the address its form posts to, e.g. delete
 * @param title the item's title, as the question names it
 * @param states the prefix of the words that name the item's states, e.g. desk.state
 * @param says the keys of the paragraphs that say what the change means, in order
 */
public record Confirming(Editing editing, String words, String what, String title, String states, List<String> says) {

    /** The words {@code <words>.<what>.<part>}. */
    public String key(String part) {
        return words + "." + what + "." + part;
    }

    /** Where the confirmation posts: the change's own address under the item. */
    public String action() {
        return editing.action() + "/" + what;
    }

    /** Whether the item's state allows the change; if not, the page says so and offers no button. */
    public boolean allowed() {
        return editing.can(what);
    }
}
