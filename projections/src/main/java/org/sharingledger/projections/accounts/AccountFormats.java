package org.sharingledger.projections.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sharingledger.projections.pages.Vocabulary;

/** How the account pages write a moment: in UTC, in words. Public for the templates. */
public final class AccountFormats {

    static final AccountFormats INSTANCE = new AccountFormats();

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private AccountFormats() {}

    public String day(Instant instant) {
        return instant == null ? Vocabulary.NONE : DAY.format(instant);
    }

    public String at(Instant instant) {
        return instant == null ? Vocabulary.NONE : AT.format(instant);
    }
}
