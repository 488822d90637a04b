package org.sharingledger.agency.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * The register of signatories, with every rule that goes with it: the one way in for the JSON API and the web pages
 * alike. A broken rule is an exception of {@code platform.rules} ({@code InvalidInput}, {@code NotFound},
 * {@code NotPermitted}, {@code StepNotAllowed}), and nothing is recorded. Which roles may sign, withdraw and name a
 * representative is the caller's check (the API's filter chain, the page itself); the records below carry the shape
 * every caller checks first.
 */
public interface Registry {

    /** Signs a new agency; {@code StepNotAllowed} when its id is already registered. */
    void sign(NewAgency agency, Actor actor);

    /** Records its withdrawal (its active users are disabled with it); {@code NotFound} for an unknown agency. */
    void withdraw(String agencyId, Withdrawal withdrawal, Actor actor);

    void changeRepresentative(String agencyId, Representative representative, Actor actor);

    /**
     * Records that a withdrawn agency signed again ({@code StepNotAllowed} while it is signed, {@code NotFound} for an
     * unknown agency). Its users stay disabled: an administrator enables those who act for it again.
     */
    void signAgain(String agencyId, Signature signature, Actor actor);

    /** An administrator may set any agency's address, its own nominated representative only its own. */
    void setNotificationAddress(String agencyId, String email, Actor actor);

    /**
     * Records that {@code commissioning.commissionedBy()} commissions the agency. An administrator may record any;
     * the commissioner's own nominated representative may record its own providers, but not take over one that
     * another agency commissions ({@code StepNotAllowed}: that commissioner, or an administrator, ends it first).
     * {@code NotFound} for an unknown agency, {@code InvalidInput} for an unknown commissioner or the agency itself,
     * {@code StepNotAllowed} for a withdrawn commissioner or a commissioning that would go round in a circle.
     */
    void recordCommissioning(String agencyId, Commissioning commissioning, Actor actor);

    /**
     * Ends the agency's commissioning: an administrator, or its commissioner's nominated representative.
     * {@code StepNotAllowed} when no agency commissions it.
     */
    void endCommissioning(String agencyId, Actor actor);

    /** A new signatory, as the API's body and the administrators' form give it. */
    record NewAgency(
            @NotNull
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9-]{1,63}",
                    message = "must be 2 to 64 lower-case letters, digits or hyphens, starting with a letter or digit")
            @FreeText
            String agencyId,

            @FreeText @NotBlank @Size(max = 200) String name,
            @NotNull Sector sector,
            @FreeText @Size(max = 100) String localDeliveryArea,
            @NotNull @Valid Representative nominatedRepresentative,
            @NotNull LocalDate signedOn,
            @FreeText @NotBlank @Size(max = 50) String codeOfPracticeVersion) {}

    /** A nominated representative, as given. */
    record Representative(
            @FreeText @NotBlank @Size(max = 200) String name,
            @FreeText @NotBlank @Email @Size(max = 254) String email) {
        public NominatedRepresentative value() {
            return new NominatedRepresentative(name, email);
        }
    }

    /** Where the agency's notifications are mailed. */
    record NotificationAddress(
            @FreeText @NotBlank @Email @Size(max = 254) String email) {}

    /**
     * A withdrawn agency's new signature.
     *
     * @param nominatedRepresentative null keeps the representative it had when it withdrew
     */
    record Signature(
            @NotNull LocalDate signedOn,
            @FreeText @NotBlank @Size(max = 50) String codeOfPracticeVersion,
            @Valid Representative nominatedRepresentative) {}

    record Withdrawal(
            @NotNull LocalDate withdrawnOn,
            @FreeText @NotBlank @Size(max = 2000) String reason) {}

    /** Who commissions the agency (a signatory's id), and the contract's reference, if it has one. */
    record Commissioning(
            @FreeText @NotBlank @Size(max = 64) String commissionedBy,
            @FreeText @Size(max = 100) String contractReference) {}
}
