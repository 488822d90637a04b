package org.sharingledger.agreement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * Every step of an Information Sharing Protocol, with all its checks: the one way in for the JSON API and the web
 * pages alike. A broken rule is thrown as the platform's {@code InvalidInput} (400), {@code NotPermitted} (403),
 * {@code NotFound} (404) or {@code StepNotAllowed} (409), and nothing is recorded.
 */
public interface Agreements {

    /** The most parties an agreement may name, and the most data items it may list. */
    int MAX_PARTIES = 20;

    int MAX_DATA_ITEMS = 30;

    /** Propose an agreement: by a party's nominated representative or the Trust. */
    Proposed propose(Actor actor, NewAgreement agreement);

    AgreementStatus sign(Actor actor, UUID agreementId, Signature signature);

    AgreementStatus review(Actor actor, UUID agreementId, Review review);

    AgreementStatus terminate(Actor actor, UUID agreementId, Termination termination);

    /** An agreement proposed: its id and status. */
    record Proposed(String agreementId, AgreementStatus status) {}

    record NewAgreement(
            @FreeText @NotBlank @Size(max = 200) String title,
            @NotNull @Size(min = 2, max = MAX_PARTIES) List<@FreeText @NotBlank @Size(max = 64) String> parties,
            @FreeText @NotBlank @Size(max = 4000) String purpose,
            @NotNull @Size(min = 1, max = MAX_DATA_ITEMS) List<@FreeText @NotBlank @Size(max = 200) String> dataItems,
            @FreeText @NotBlank @Size(max = 500) String lawfulBasis,
            @NotNull LocalDate reviewOn) {}

    record Signature(@FreeText @NotBlank @Size(max = 64) String agencyId) {}

    record Review(
            @NotNull LocalDate nextReviewOn,
            @FreeText @NotBlank @Size(max = 4000) String note) {}

    record Termination(@FreeText @NotBlank @Size(max = 4000) String reason) {}
}
