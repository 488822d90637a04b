package org.sharingledger.access.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * Personal access tokens, for the JSON API and the web pages alike: issued to their owner, shown once, revoked by
 * their owner or an administrator (else {@code NotPermitted}; an unknown token is {@code NotFound}).
 */
public interface PersonalTokens {

    int DEFAULT_VALID_DAYS = 90;

    IssuedToken issue(Actor owner, String name, int validDays);

    /** Revokes the token; when it was revoked. */
    Instant revoke(String tokenId, Actor actor);

    /** A user's tokens, newest first, never the token itself. */
    List<TokenSummary> ownedBy(String username);

    /** One page of a user's tokens, newest first: {@code page} from 0, {@code size} of them. */
    List<TokenSummary> ownedBy(String username, int page, int size);

    /** How many tokens the user has, revoked and expired ones included. */
    long countOwnedBy(String username);

    /** What a token is issued for, as the API's body and the account page's form give it. */
    record NewToken(
            @FreeText @NotBlank @Size(max = 100) String name,
            @Min(1) @Max(365) Integer validDays) {

        public int validDaysOrDefault() {
            return validDays == null ? DEFAULT_VALID_DAYS : validDays;
        }
    }

    /** A token just issued: the only time the token itself is shown. */
    record IssuedToken(String tokenId, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + tokenId + "]";
        }
    }

    record TokenSummary(String tokenId, String name, Instant issuedAt, Instant expiresAt, Instant revokedAt) {}
}
