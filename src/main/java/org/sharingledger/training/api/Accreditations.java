package org.sharingledger.training.api;

import java.time.LocalDate;

/** Whether a user is accredited; answered by the read side, consistent with the events already committed. */
public interface Accreditations {

    /**
     * Whether {@code username} held, on {@code day}, a passed {@link Course#ONLINE_INFORMATION_SHARING} record
     * completed on or before that day and not expired ({@code validUntil} absent, or on or after that day).
     */
    boolean accredited(String username, LocalDate day);

    /** Whether the record with this id is already in the ledger. */
    boolean recorded(String recordId);
}
