package org.sharingledger.platform.serialization;

import java.io.ObjectInputFilter;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * The JVM-wide deserialization filter: the ledger needs no Java deserialization at run time (events, tokens and
 * deadlines are JSON; page sessions stay in memory), so every class is refused, within small limits. Code that must
 * read one known shape sets a stricter filter of its own on its stream, which replaces this one there (the Flyway
 * migration {@code DeadlinesAsJson} does).
 *
 * <p>Installed at the very start of {@code main} and, for a {@code SpringApplication} started any other way (tests), by
 * this listener on {@link ApplicationStartingEvent} (registered in {@code META-INF/spring.factories}). A filter the
 * operator set with {@code -Djdk.serialFilter=…} is kept: the JVM allows one only.
 */
public final class DeserializationFilter implements ApplicationListener<ApplicationStartingEvent> {

    /** Refuses every class; arrays of primitives only within limits. */
    public static final String PATTERN = "maxdepth=5;maxrefs=1000;maxarray=65536;maxbytes=1048576;!*";

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(PATTERN);

    /** Installs the filter unless one is in place already (this one, or the operator's {@code jdk.serialFilter}). */
    public static synchronized void install() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(FILTER);
        }
    }

    /** Whether a JVM-wide filter is in place. */
    public static boolean installed() {
        return ObjectInputFilter.Config.getSerialFilter() != null;
    }

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        install();
    }
}
