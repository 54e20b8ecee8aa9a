package org.vigil.platform.demo;

/**
 * One feature's dev-mode demo content. The feature states only what to create; {@link DemoSeeding}
 * decides when (dev mode), in which order and in which transaction.
 */
public interface DemoContent {

    /** Lower runs first; a fixed order keeps ids and the start log the same from one start to the next. */
    int order();

    /** What the log line names, e.g. "articles". */
    String name();

    /** Creates the demo content if the feature holds none yet; returns how many items it created. */
    int seed();
}
