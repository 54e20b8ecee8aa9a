package org.vigil.testsupport;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

/** Sends console forms and follows their links in the browser as a person does: by the button's or link's name. */
public final class ConsoleForms {

    private ConsoleForms() {}

    /**
     * Clicks the button named {@code name} and waits for the page it leads to; returns the status of
     * the form's answer (303 when it redirected there, else the status of the page shown).
     */
    public static int press(Page page, String name) {
        Response shown = page.waitForNavigation(() -> page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .click());
        Request posted = shown.request().redirectedFrom();
        return posted == null ? shown.status() : posted.response().status();
    }

    /** Follows the link named {@code name} and waits for the page it leads to; returns its status. */
    public static int follow(Page page, String name) {
        return page.waitForNavigation(() -> page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions().setName(name).setExact(true))
                        .click())
                .status();
    }
}
