package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The guard against identifiers in log lines can fail. Each test logs into an appender and a logger context of its
 * own, never the suite's, so what it logs on purpose cannot fail the suite.
 */
class LogLeakGuardTest {

    private LoggerContext context;
    private LeakCapture capture;
    private Logger log;

    @BeforeEach
    void ownLogging() {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        capture = LeakCapture.fresh();
        capture.setContext(context);
        capture.start();
        log = context.getLogger("org.sharingledger.guard-test");
        log.addAppender(capture);
    }

    @AfterEach
    void stop() {
        capture.stop();
        context.stop();
    }

    @Test
    void aRegisteredNameInALogLineIsDetected() {
        String name = Scenario.uniqueName();

        log.info("Looking up {} for the strategy meeting", name);

        assertThat(capture.leaks()).hasSize(1);
        assertThatThrownBy(() -> LogLeakGuard.check(capture.leaks()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 log line(s)")
                .hasMessageNotContaining(name);
    }

    @Test
    void everyKindOfRegisteredIdentifierIsDetectedInMessagesAndStackTraces() {
        String nhsNumber = Scenario.uniqueNhsNumber();
        String spaced = nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);

        log.info("by number {}", spaced);
        log.info("by reference {}", Scenario.uniqueLocalReference());
        log.info("born {}", Scenario.uniqueDateOfBirth());
        log.warn("failed", new IllegalStateException("no child " + nhsNumber));
        log.info("nothing to see: request 3f1c9a52-8d4e-4b7a-9c21-5e6f7a8b9c0d took 1234 ms on port 41235");

        assertThat(capture.recorded()).isEqualTo(5);
        assertThat(capture.leaks()).hasSize(4);
    }

    @Test
    void anyNumberThatPassesTheNhsCheckIsDetectedRegisteredOrNot() {
        assertThat(Identifiers.foundIn("nhs 4010232137 here")).containsExactly("4010232137");
        assertThat(Identifiers.foundIn("nhs 401-023-2137.")).containsExactly("401-023-2137");
        assertThat(Identifiers.foundIn("wrong check digit 4010232138")).isEmpty();
        assertThat(Identifiers.foundIn("part of a longer number 94010232137 or id a4010232137"))
                .isEmpty();
    }

    @Test
    void theSuitesLinesAreRecordedForTheGuard() {
        String marker = "log-leak-guard-marker-" + UUID.randomUUID();

        LoggerFactory.getLogger(LogLeakGuardTest.class).info(marker);

        assertThat(LeakCapture.suite().recorded()).isPositive();
        assertThat(LeakCapture.suite().leaks()).isEmpty();
    }

    @Test
    void aCleanRunPasses() {
        log.info("Request recorded for agency county-csc");
        LogLeakGuard.check(capture.leaks());
        LogLeakGuard.check(List.of());
    }
}
