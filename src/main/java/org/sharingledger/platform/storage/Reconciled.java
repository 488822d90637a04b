package org.sharingledger.platform.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler that keeps read-model tables wholly from events, so that verification can replay the
 * stored events through this very handler into empty scratch copies of its tables and compare them with the tables
 * the ledger reads: a row missing, added or changed outside the handler is reported. Every column of each table must
 * come from events (or from a column default); the handler must write only through the {@code JdbcTemplate} it was
 * given, and have no other effect (it must not send commands or mail).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Reconciled {

    /** The tables this handler keeps, each with the columns that identify a row. */
    Table[] value();

    /** The processing group whose token says how far the tables are kept (the handler's own by default). */
    String processingGroup() default "";

    /** A table and the columns of its key (named in a problem; never a child's identifier). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Table {
        String name();

        String[] key();
    }
}
