package org.sharingledger.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure for gauges, read (from the database) at most once per {@link #FRESH}, however many gauges of one scrape
 * show parts of it; never per request. A failed read leaves the last figure (or the fallback) and is tried again at
 * the next scrape: a metrics scrape must not fail because the database blinked.
 */
public final class OncePerScrape<T> {

    private static final Logger log = LoggerFactory.getLogger(OncePerScrape.class);

    /** Shorter than any scrape interval, longer than one scrape takes. */
    static final Duration FRESH = Duration.ofSeconds(2);

    private final Supplier<T> read;
    private volatile T value;
    private volatile long readAt;

    public OncePerScrape(Supplier<T> read, T fallback) {
        this.read = read;
        this.value = fallback;
        this.readAt = System.nanoTime() - 2 * FRESH.toNanos();
    }

    public T get() {
        long now = System.nanoTime();
        if (now - readAt >= FRESH.toNanos()) {
            synchronized (this) {
                if (now - readAt >= FRESH.toNanos()) {
                    try {
                        value = read.get();
                    } catch (RuntimeException e) {
                        log.debug("A metric could not be read; the next scrape tries again: {}", e.toString());
                    }
                    readAt = System.nanoTime();
                }
            }
        }
        return value;
    }
}
