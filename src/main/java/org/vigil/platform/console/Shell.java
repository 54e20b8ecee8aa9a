package org.vigil.platform.console;

import java.util.List;

/**
 * What the console's layout (templates/console/layout.html) shows around every console page: who is
 * logged in and their region, the navigation their roles open, the logout and the form token.
 *
 * @param user the staff member's name (upn)
 * @param region their unit's region, or null (supervisors and admins see every region)
 * @param nav the links their roles open, in order
 * @param current the address of this page (marked in the navigation)
 * @param csrf the token every console form carries (field {@code csrf})
 */
public record Shell(String user, String region, boolean allRegions, List<Link> nav, String current, String csrf) {

    /** A link of the navigation: its address and the key of its words. */
    public record Link(String href, String words) {}

    public boolean isCurrent(Link link) {
        return link.href().equals(current);
    }

    /** The links under this page's address: what a section (/console/editor) opens. */
    public List<Link> under() {
        return nav.stream()
                .filter(link -> link.href().startsWith(current + "/"))
                .toList();
    }
}
