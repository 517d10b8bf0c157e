package org.lianxin.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The requirement a test checks, quoted with its level and conformance class as the manifest
 * states them (the kit's own build checks they agree). A test may check several.
 *
 * <pre>
 * &#64;Test
 * &#64;Verifies(id = "LX-CORE-22", level = "MUST", of = "Core")
 * void postAnswers201WithLocation() { ... }
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Verifies.List.class)
public @interface Verifies {

    /** The requirement's ID, e.g. {@code LX-CORE-22}. */
    String id();

    /** Its level: MUST, MUST NOT, SHOULD, SHOULD NOT or MAY. */
    String level();

    /** Its conformance class: Core, Federation, Security, ... */
    String of();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Verifies[] value();
    }
}
