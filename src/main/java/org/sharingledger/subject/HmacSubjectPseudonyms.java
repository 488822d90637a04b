package org.sharingledger.subject;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;

/** HMAC-SHA-256 pseudonyms, with a domain prefix so an NHS number and a local reference can never collide. */
class HmacSubjectPseudonyms implements SubjectPseudonyms {

    private final byte[] key;

    HmacSubjectPseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the subject key must have at least 32 bytes");
        }
        this.key = key.clone();
    }

    @Override
    public String of(NhsNumber nhsNumber) {
        return hmac("nhs:" + nhsNumber.digits());
    }

    @Override
    public String ofLocalReference(String agencyId, String localReference) {
        return hmac("local:" + agencyId + "\u0000" + localReference.strip());
    }

    private String hmac(String input) {
        return HexFormat.of().formatHex(SubjectKey.hmacSha256(key, input.getBytes(StandardCharsets.UTF_8)));
    }
}
