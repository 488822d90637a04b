package org.sharingledger.projections.ledger;

import java.nio.charset.StandardCharsets;
import org.sharingledger.evidence.api.LedgerChecks;
import org.sharingledger.evidence.api.Proofs.SignedCheckpoint;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /ledger}, for the Children's Trust (TRUST_REVIEWER) and administrators: the latest signed checkpoint, ready
 * to download and publish (in the Trust's minutes, say), and a button that verifies the whole ledger and says, in
 * words, whether it holds or what is wrong and where.
 */
@Controller
@LedgerPage
class EvidencePages {

    private final LedgerChecks checks;
    private final Vocabulary words;

    EvidencePages(LedgerChecks checks, Vocabulary words) {
        this.checks = checks;
        this.words = words;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
    }

    @GetMapping("/ledger")
    String page(Model model) {
        trustOnly();
        model.addAttribute("checkpoint", checks.latestCheckpoint().orElse(null));
        return "ledger";
    }

    @PostMapping("/ledger/verification")
    String verify(Model model) {
        trustOnly();
        Verification result = checks.verify();
        model.addAttribute("result", result);
        model.addAttribute("words", words);
        model.addAttribute("checkpoint", checks.latestCheckpoint().orElse(null));
        return "ledger";
    }

    /** The statement alone, as a file to publish. */
    @GetMapping("/ledger/checkpoint.txt")
    ResponseEntity<String> statement() {
        trustOnly();
        SignedCheckpoint checkpoint = checks.latestCheckpoint()
                .orElseThrow(() -> new NotFound("the ledger is empty: there is no checkpoint yet"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"checkpoint-" + checkpoint.treeSize() + ".txt\"")
                .body(checkpoint.statement());
    }

    private static void trustOnly() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            throw new NotPermitted("only a TRUST_REVIEWER or an ADMIN may see the ledger's evidence");
        }
    }
}
