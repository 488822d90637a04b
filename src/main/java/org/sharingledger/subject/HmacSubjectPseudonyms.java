package org.sharingledger.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.sharingledger.subject.api.NhsNumber;
import org.sharingledger.subject.api.SubjectPseudonyms;

/** HMAC-SHA-256 pseudonyms, with a domain prefix so an NHS number and a local reference can never collide. */
class HmacSubjectPseudonyms implements SubjectPseudonyms {

    private final SecretKeySpec key;

    HmacSubjectPseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the subject key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
