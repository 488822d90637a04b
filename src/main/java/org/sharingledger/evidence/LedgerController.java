package org.sharingledger.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.evidence.api.Proofs.SignedCheckpoint;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.verifier.VerifierKey;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's evidence over HTTP: verification, signed checkpoints, consistency proofs and the verifier key. */
@RestController
@Tag(name = "Evidence", description = "Whether the ledger can be trusted: verification, signed checkpoints, proofs")
class LedgerController {

    private final LedgerEvidence evidence;

    LedgerController(LedgerEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/ledger/verification")
    @Operation(
            summary = "Recompute and check the whole ledger",
            description = "ADMIN or TRUST_REVIEWER. Recomputes "
                    + "every event's hash from its stored bytes, every stream's chain, and every signed checkpoint's root "
                    + "and signature. verified is true only when nothing is wrong; otherwise problems says what and where "
                    + "(store position, stream, sequence), in store order: MODIFIED, MISSING, INSERTED, OUT_OF_ORDER, GAP_LOG_MISMATCH or "
                    + "CHECKPOINT_MISMATCH. Events stored since the latest checkpoint are checked by hash and chain, and "
                    + "counted in uncheckpointedEvents. Takes about a second per 100,000 events. With checkpoint (a "
                    + "published checkpoint statement, the signed note as text/plain gives it, URL-encoded), also "
                    + "proves that the ledger still extends it: when it does not, or when the statement is not signed "
                    + "by this ledger's key, that is a CHECKPOINT_MISMATCH; text that is not a signed checkpoint is a "
                    + "400.")
    public Verification verification(@RequestParam(required = false) String checkpoint) {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER or an ADMIN may verify the ledger");
        }
        return evidence.verify(checkpoint);
    }

    @GetMapping(value = "/api/ledger/checkpoints/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The latest signed checkpoint",
            description = "Any signed-in user. Signs a new checkpoint "
                    + "first when events were stored since the last one. Ask for text/plain to get the statement alone, "
                    + "ready to publish (in the Trust's minutes, say).")
    public SignedCheckpoint latest() {
        return evidence.latestCheckpoint().orElseThrow(() -> new NotFound("no checkpoint yet: the ledger is empty"));
    }

    @GetMapping(value = "/api/ledger/checkpoints/latest", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> latestStatement() {
        return statement(latest());
    }

    @GetMapping(value = "/api/ledger/checkpoints/{treeSize}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The checkpoint signed at exactly this tree size",
            description = "Any signed-in user; " + "text/plain gives the statement alone.")
    public SignedCheckpoint checkpoint(@PathVariable long treeSize) {
        return evidence.checkpoint(treeSize).orElseThrow(() -> new NotFound("no checkpoint of tree size " + treeSize));
    }

    @GetMapping(value = "/api/ledger/checkpoints/{treeSize}", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> checkpointStatement(@PathVariable long treeSize) {
        return statement(checkpoint(treeSize));
    }

    @GetMapping("/api/ledger/consistency")
    @Operation(
            summary = "Proof that a later tree extends an earlier one",
            description = "Any signed-in user. "
                    + "RFC 9162 consistency proof (base64 hashes) that the tree of `to` events extends the tree of `from` "
                    + "events, i.e. nothing checkpointed at `from` was changed or removed by `to`. 0 < from <= to <= the "
                    + "tree's size.")
    public Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
        List<String> proof = evidence.consistency(from, to);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("to", to);
        answer.put("proof", proof);
        return answer;
    }

    @GetMapping("/api/ledger/key")
    @Operation(
            summary = "The key that signs checkpoints and exports",
            description = "Any signed-in user. The "
                    + "Ed25519 public key in signed-note verifier-key form, and a fingerprint to read aloud and compare "
                    + "with the one the Trust publishes.")
    public Map<String, String> key() {
        VerifierKey key = evidence.verifier();
        return Map.of("algorithm", "Ed25519", "verifierKey", key.text(), "fingerprint", key.fingerprint());
    }

    private static ResponseEntity<String> statement(SignedCheckpoint checkpoint) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"checkpoint-" + checkpoint.treeSize() + ".txt\"")
                .body(checkpoint.statement());
    }
}
