package org.sharingledger.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ledger keeps its evidence.
 *
 * @param origin             the ledger's name in every signed checkpoint (and its key's name); give each area its own
 * @param signingKey         base64 of a 32-byte Ed25519 seed ({@code LEDGER_SIGNING_KEY}); in embedded mode one is
 *                           generated into the data folder when unset
 * @param checkpointInterval how often the background checkpointer adds new events to the tree and signs its root
 * @param gapTimeout         how long a position below the tree's head may stay empty before no transaction can still
 *                           fill it
 * @param headFile           where the last signed checkpoint is kept outside the database ({@code LEDGER_HEAD_FILE});
 *                           blank: {@code checkpoint-head.txt} in the data folder, beside the signing key
 */
@ConfigurationProperties("ledger.evidence")
record EvidenceProperties(
        String origin, String signingKey, Duration checkpointInterval, Duration gapTimeout, String headFile) {}
