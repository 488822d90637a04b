package org.sharingledger.projections.agencies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registry")
class CodeVersionController {

    private final CodeVersionList versions;

    CodeVersionController(CodeVersionList versions) {
        this.versions = versions;
    }

    @GetMapping("/api/code-versions")
    @Operation(
            summary = "The versions of the Code of Practice, in order (any signed-in user)",
            description = "First the versions agencies signed that were never adopted through a consultation"
                    + " (adoptedOn null), in the order they were first signed; then the adopted ones by adoptedOn."
                    + " Each with how many signed agencies are on it now; current marks the current Code.")
    public List<CodeVersionList.CodeVersion> all() {
        return versions.all();
    }
}
