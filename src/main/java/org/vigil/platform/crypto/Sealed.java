package org.vigil.platform.crypto;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A plain entity field whose value is stored encrypted, bound to its place ({@link SealedRow#aad}), in
 * the {@code byte[]} field named by {@link #value()}. {@link SealedFields} seals it before the INSERT
 * and opens it after a load, so services read and write plain values and cannot forget either.
 *
 * <p>The plain field is {@code @Transient}: a {@code String} (UTF-8), a {@code byte[]}, or any other
 * type stored as JSON. Sealed values are written once, with the row; a later change of one on a loaded
 * row is refused (retention jobs erase them in SQL instead).
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Sealed {

    /** The entity field that holds the ciphertext; its column is the binding's column. */
    String value();

    /**
     * A large value kept out of loads (its stored field is {@code @Basic(fetch = LAZY)}): sealed on
     * insert, but opened only when asked, by {@link SealedFields#open}.
     */
    boolean lazy() default false;
}
