package org.sharingledger.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.access.api.PersonalTokens;
import org.sharingledger.access.api.PersonalTokens.NewToken;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tokens", description = "Personal access tokens for agency systems and scripts")
class TokenController {

    private final PersonalTokens tokens;

    TokenController(PersonalTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/tokens")
    @Operation(
            summary = "Issue a personal access token",
            description = "The token is shown once, in this answer. "
                    + "Use it as 'Authorization: Bearer <token>'. It carries its owner's roles and agency. validDays: 1 to "
                    + "365, default 90. Only with a password: a caller signed in by a token gets 403.")
    public ResponseEntity<PersonalTokens.IssuedToken> issue(@Valid @RequestBody NewToken body) {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                        instanceof LedgerPrincipal principal
                && principal.viaToken()) {
            throw new NotPermitted("a token cannot issue tokens: sign in with your password to issue one");
        }
        PersonalTokens.IssuedToken issued = tokens.issue(CurrentActor.get(), body.name(), body.validDaysOrDefault());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.tokenId()))
                .body(issued);
    }

    @PostMapping("/api/tokens/{tokenId}/revocation")
    @Operation(summary = "Revoke a token", description = "By its owner or an administrator.")
    public Map<String, Object> revoke(@PathVariable UUID tokenId) {
        Instant revokedAt = tokens.revoke(tokenId.toString(), CurrentActor.get());
        return Map.of("tokenId", tokenId.toString(), "revokedAt", revokedAt);
    }

    @GetMapping("/api/tokens")
    @Operation(
            summary = "List your own tokens",
            description = "Newest first, a page at a time: page from 0, size 1 to 200 (default 50); X-Total-Count "
                    + "gives how many, and Link rel=\"next\" the next page's address. Never shows a token itself.")
    public ResponseEntity<List<PersonalTokens.TokenSummary>> mine(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String username = CurrentActor.get().username();
        return Paging.answer(tokens.ownedBy(username, page, size), page, size, tokens.countOwnedBy(username));
    }
}
