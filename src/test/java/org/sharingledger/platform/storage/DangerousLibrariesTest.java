package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.api.Test;

/**
 * What the Maven Enforcer's {@code bannedDependencies} keeps out, checked on the classpath the tests really run with
 * (so an exclusion dropped from the pom fails here too, not only in the Enforcer).
 */
class DangerousLibrariesTest {

    @Test
    void xStreamIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.axonframework.serialization.xml.XStreamSerializer")
                        .getMethod("defaultSerializer")
                        .invoke(null))
                .as("Axon's XStreamSerializer cannot be built without XStream")
                .isInstanceOfAny(ReflectiveOperationException.class, LinkageError.class);
    }

    @Test
    void tomcatIsAtLeast11_0_29() {
        String[] version = ServerInfo.getServerNumber().split("\\.");
        assertThat(Integer.parseInt(version[0])).isEqualTo(11);
        assertThat(Integer.parseInt(version[1])).isEqualTo(0);
        assertThat(Integer.parseInt(version[2]))
                .as(ServerInfo.getServerNumber())
                .isGreaterThanOrEqualTo(29);
    }
}
