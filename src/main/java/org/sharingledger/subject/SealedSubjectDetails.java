package org.sharingledger.subject;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sharingledger.subject.api.PersonalDetails;
import org.sharingledger.subject.api.SubjectDetails;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals personal details as a small JSON object ({@code {"name", "dateOfBirth", "nhsNumber", "localReference"}}) under
 * the child's own key
 * (AES-256-GCM, the pseudonym as associated data), and opens them again while that key exists.
 */
@Component
class SealedSubjectDetails implements SubjectDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubjectKeys keys;

    SealedSubjectDetails(SubjectKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String pseudonym, PersonalDetails details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", details.name());
        fields.put(
                "dateOfBirth",
                details.dateOfBirth() == null ? null : details.dateOfBirth().toString());
        fields.put("nhsNumber", details.nhsNumber());
        fields.put("localReference", details.localReference());
        byte[] plaintext = JSON.writeValueAsBytes(fields);
        byte[] key = keys.forSealing(pseudonym);
        try {
            return Base64.getEncoder().encodeToString(AesGcm.seal(key, associatedData(pseudonym), plaintext));
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public Optional<PersonalDetails> open(String pseudonym, String sealed) {
        Optional<byte[]> key = keys.forOpening(pseudonym);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            // A value that does not open under the child's current key was sealed under an earlier one, since
            // erased (a later request gave the child's details again, under a new key): it is erased too.
            return AesGcm.open(
                            key.get(),
                            associatedData(pseudonym),
                            Base64.getDecoder().decode(sealed))
                    .map(SealedSubjectDetails::details);
        } finally {
            Arrays.fill(key.get(), (byte) 0);
        }
    }

    private static PersonalDetails details(byte[] plaintext) {
        JsonNode fields = JSON.readTree(plaintext);
        Arrays.fill(plaintext, (byte) 0);
        JsonNode dateOfBirth = fields.path("dateOfBirth");
        // Details sealed before requests sealed their identifier have no nhsNumber or localReference: null.
        return new PersonalDetails(
                string(fields, "name"),
                dateOfBirth.isString() ? LocalDate.parse(dateOfBirth.asString()) : null,
                string(fields, "nhsNumber"),
                string(fields, "localReference"));
    }

    private static String string(JsonNode fields, String name) {
        JsonNode field = fields.path(name);
        return field.isString() ? field.asString() : null;
    }

    private static byte[] associatedData(String pseudonym) {
        return pseudonym.getBytes(StandardCharsets.UTF_8);
    }
}
