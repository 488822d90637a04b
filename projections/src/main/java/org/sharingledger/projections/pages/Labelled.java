package org.sharingledger.projections.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an enum outside the {@code api} packages whose values people read (a timeline's steps, a funnel flag): like
 * the API's enums, every value needs a label in {@code messages.properties} (see {@link Vocabulary}), and a test
 * checks it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Labelled {}
