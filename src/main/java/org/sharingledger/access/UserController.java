package org.sharingledger.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "User accounts and their roles (ADMIN)")
class UserController {

    private final Accounts accounts;

    UserController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/users")
    @Operation(
            summary = "Register a user",
            description =
                    "Roles PRACTITIONER and NOMINATED_REPRESENTATIVE need the "
                            + "agencyId of a signed agency. Passwords have at least 12 characters and are stored only as a slow hash.")
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody NewUser body) {
        accounts.register(
                body.username(),
                body.password(),
                body.displayName(),
                body.agencyId(),
                body.roles(),
                CurrentActor.get());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("username", body.username());
        created.put("displayName", body.displayName());
        created.put("agencyId", body.agencyId());
        created.put("roles", body.roles().stream().distinct().sorted().toList());
        return ResponseEntity.created(URI.create("/api/users/" + body.username()))
                .body(created);
    }

    record NewUser(
            @NotBlank @Size(max = 64) String username,
            @NotNull @Size(max = 200) String password,
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 64) String agencyId,
            @NotEmpty List<@NotNull Role> roles) {

        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }
}
