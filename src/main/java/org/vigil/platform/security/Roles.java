package org.vigil.platform.security;

/** Role names carried in the JWT {@code groups} claim. */
public final class Roles {
    public static final String EDITOR = "editor";
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** Banks and telecom operators reading the partner feed of verified scam indicators. */
    public static final String PARTNER = "partner";

    private Roles() {}
}
