package org.sharingledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step taken in reaction to an event is taken by the same actor as the event, read back from its metadata. */
class ActorMetaDataTest {

    @Test
    void theActorWrittenIntoMetadataIsTheActorReadBack() {
        Actor rep = new Actor("rep.police", "police", List.of(Role.NOMINATED_REPRESENTATIVE, Role.PRACTITIONER));
        assertThat(ActorMetaData.actorOf(ActorMetaData.of(rep, "correlation"))).isEqualTo(rep);
        Actor trust = new Actor("trust", null, List.of(Role.TRUST_REVIEWER));
        assertThat(ActorMetaData.actorOf(ActorMetaData.of(trust, null))).isEqualTo(trust);
    }

    @Test
    void metadataThatNamesNoOneIsTheSystem() {
        assertThat(ActorMetaData.actorOf(Map.of())).isEqualTo(Actor.SYSTEM);
        assertThat(ActorMetaData.actorOf(Map.of(ActorMetaData.USERNAME, "someone", ActorMetaData.ROLES, " ")))
                .isEqualTo(new Actor("someone", null, List.of()));
    }
}
