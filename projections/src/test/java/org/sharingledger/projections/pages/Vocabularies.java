package org.sharingledger.projections.pages;

import java.nio.charset.StandardCharsets;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The {@link Vocabulary} over {@code messages.properties} as Spring Boot configures it, for tests without Spring. */
public final class Vocabularies {

    private static final Vocabulary STANDALONE = new Vocabulary(messageSource());

    private Vocabularies() {}

    /** The application's words, read from the classpath as the running application reads them. */
    public static Vocabulary standalone() {
        return STANDALONE;
    }

    static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
