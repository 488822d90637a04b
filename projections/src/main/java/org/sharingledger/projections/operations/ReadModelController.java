package org.sharingledger.projections.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Read models", description = "Status and rebuild of the replayable read models (ADMIN)")
class ReadModelController {

    private final ReadModels readModels;

    ReadModelController(ReadModels readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/api/admin/read-models")
    @Operation(summary = "Every replayable read model: position, lag behind the event store, error, rebuild progress")
    public List<ReadModels.Status> all() {
        requireAdmin();
        return readModels.all();
    }

    @GetMapping("/api/admin/read-models/{name}")
    @Operation(summary = "One read model's status and rebuild progress (events done, events total, rate)")
    public ReadModels.Status one(@PathVariable String name) {
        requireAdmin();
        return readModels.one(name);
    }

    @PostMapping("/api/admin/read-models/{name}/rebuild")
    @Operation(
            summary = "Rebuild a read model",
            description = "Empties it and replays every event into it while "
                    + "the ledger keeps running; answers 202 at once. Follow the progress with GET. 409 while a rebuild of "
                    + "the same read model runs.")
    public ResponseEntity<ReadModels.Status> rebuild(@PathVariable String name) {
        requireAdmin();
        return ResponseEntity.accepted().body(readModels.rebuild(name));
    }

    private static void requireAdmin() {
        if (!CurrentActor.get().has(Role.ADMIN)) {
            throw new NotPermitted("only an ADMIN may see or rebuild read models");
        }
    }
}
