package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured logs by a setting: LEDGER_LOG_FORMAT picks Spring Boot's JSON format (plain text when unset), and a
 * request's log lines carry its correlation id as a field. Through Boot's own encoder on a logger context of this test
 * (the suite's logging, and its leak guard, are left alone).
 */
class StructuredLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void ledgerLogFormatChoosesTheStructuredFormatAndPlainTextIsTheDefault() throws IOException {
        assertThat(environment(Map.of()).getProperty("logging.structured.format.console"))
                .isEmpty();
        assertThat(environment(Map.of("LEDGER_LOG_FORMAT", "ecs")).getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
    }

    @Test
    void theDockerComposeDeploymentLogsJson() throws IOException {
        assertThat(Files.readString(Path.of("docker-compose.yml")))
                .contains("LEDGER_LOG_FORMAT: \"${LEDGER_LOG_FORMAT:-ecs}\"");
    }

    @ParameterizedTest
    @CsvSource({"ecs, correlationId", "logstash, correlationId", "gelf, _correlationId"})
    void aRequestsLogLinesCarryItsCorrelationIdAsAField(String format, String field) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putObject(Environment.class.getName(), environment(Map.of("LEDGER_LOG_FORMAT", format)));
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(
                environment(Map.of("LEDGER_LOG_FORMAT", format)).getProperty("logging.structured.format.console"));
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("org.sharingledger.request.RequestController");
        logger.addAppender(appender);

        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/requests");
        request.addHeader(CorrelationIdFilter.HEADER, "corr-42.test");
        new CorrelationIdFilter()
                .doFilter(
                        request,
                        new MockHttpServletResponse(),
                        new MockFilterChain(new jakarta.servlet.http.HttpServlet() {}, (req, res, chain) -> {
                            logger.info("Request recorded");
                        }));
        logger.info("After the request");
        appender.stop();
        context.stop();

        List<JsonNode> lines =
                out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path(field).asString())
                .as(lines.get(0).toString())
                .isEqualTo("corr-42.test");
        assertThat(lines.get(0).toString()).contains("Request recorded");
        assertThat(lines.get(1).has(field)).as("the id is the request's alone").isFalse();
    }

    private static Environment environment(Map<String, Object> given) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        environment
                .getPropertySources()
                .addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        return environment;
    }
}
