package org.vigil.testsupport;

/** The MBean interface of {@link DatabaseLink}: the attribute {@code Up}. */
public interface DatabaseLinkSwitch {

    boolean isUp();

    void setUp(boolean up);
}
