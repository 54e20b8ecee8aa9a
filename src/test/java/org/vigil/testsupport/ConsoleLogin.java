package org.vigil.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;

/**
 * Logs a demo user of the committed realm (tools/keycloak/vigil-realm.json, password
 * {@value #PASSWORD}) in to the console through the real Keycloak login page, as a person would.
 * Skips the calling test when Keycloak is absent (see {@link KeycloakTestResource#await()}).
 *
 * <pre>
 * try (BrowserContext context = Browser.get().context(Browser.DESKTOP_WIDTH, false)) {
 *     Page page = ConsoleLogin.open(context.newPage(), base + "console/police", ConsoleLogin.OFFICER_56);
 * </pre>
 */
public final class ConsoleLogin {

    public static final String PASSWORD = "vigil-demo";
    /** Officers of region VN-56: two, to show that a claim keeps the other one out. */
    public static final String OFFICER_56 = "officer56";

    public static final String OFFICER_56_B = "officer56b";
    /** An officer of another region (VN-31). */
    public static final String OFFICER_31 = "officer31";

    public static final String SUPERVISOR = "supervisor56";
    public static final String ADMIN = "admin";
    public static final String EDITOR = "editor";

    private ConsoleLogin() {}

    /** Opens {@code url} (a console page), logs {@code user} in on Keycloak's form and returns on that page. */
    public static Page open(Page page, String url, String user) {
        KeycloakTestResource.await();
        page.navigate(url);
        logIn(page, user);
        assertThat(page.url()).as("back on the page asked for after the login").startsWith(url);
        return page;
    }

    /** Fills Keycloak's login form, which the page must be showing, and waits to leave it. */
    public static void logIn(Page page, String user) {
        assertThat(isLoginForm(page))
                .as("Keycloak's login form at " + page.url())
                .isTrue();
        page.locator("#username").fill(user);
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(url -> !url.contains("/realms/" + KeycloakTestResource.REALM + "/"));
    }

    /** Whether the page shows Keycloak's login form. */
    public static boolean isLoginForm(Page page) {
        return page.url().contains("/realms/" + KeycloakTestResource.REALM + "/")
                && page.locator("#username").count() == 1;
    }
}
