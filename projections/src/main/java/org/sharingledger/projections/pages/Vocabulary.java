package org.sharingledger.projections.pages;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * The one source of the words people read for the API's codes: {@code messages.properties}, through Spring's
 * {@link MessageSource}, in British English ({@link Locale#UK}). The pages, the timeline PDF and the timeline's
 * descriptions all ask here, so a review panel reads the same words on the page and on paper.
 *
 * <p>A code's key is its enum's name inside its package and the value: {@code Outcome.SHARED},
 * {@code ConsentStatus.REFUSED}, a nested enum with its enclosing class ({@code Funnel.Flag.WITHIN}). Keys do not
 * name the package, so an enum may move between packages without its words. Some codes also have the form a sentence
 * uses, under {@code <key>.inSentence} ({@code Stage.LINE_MANAGER.inSentence}: "the line manager").
 *
 * <p>Every value of every enum in an {@code api} package, and of every enum marked {@link Labelled}, has a label; a
 * test fails otherwise. A code without one here (a value from a newer version, say) is shown as the code itself,
 * never guessed into words, and logged.
 */
@Component
public class Vocabulary {

    /** What is shown for a missing value (nothing decided, nothing given). */
    public static final String NONE = "\u2013";
    /** The suffix of a key for the form a code takes inside a sentence. */
    public static final String IN_SENTENCE = ".inSentence";

    private static final Logger LOG = LoggerFactory.getLogger(Vocabulary.class);

    private final MessageSource messages;

    public Vocabulary(MessageSource messages) {
        this.messages = messages;
    }

    /** The prefix of an enum's keys: its name inside its package, nested names joined by dots. */
    public static String family(Class<?> enumType) {
        String name = enumType.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    /* The methods are public for the templates (SpEL calls only public methods). */

    /** An enum value's label, or a dash for none. */
    public String label(Enum<?> value) {
        return value == null ? NONE : words(family(value.getDeclaringClass()) + "." + value.name(), value.name());
    }

    /**
     * The label of a code held as text, given the family its enum names ({@code label("Sector", "EARLY_YEARS")} is
     * "Early years"), or a dash for none.
     */
    public String label(String family, Object code) {
        return code == null ? NONE : words(family + "." + code, code);
    }

    /** A code in the form a sentence uses ({@code inSentence("Stage", "LINE_MANAGER")}: "the line manager"). */
    public String inSentence(String family, Object code) {
        return code == null ? NONE : words(family + "." + code + IN_SENTENCE, code);
    }

    private String words(String key, Object code) {
        try {
            return messages.getMessage(key, null, Locale.UK);
        } catch (NoSuchMessageException e) {
            LOG.warn("No words for {} in messages.properties; showing the code", key);
            return String.valueOf(code);
        }
    }
}
