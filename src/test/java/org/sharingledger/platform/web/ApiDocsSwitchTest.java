package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/** One setting switches off both the OpenAPI description and Swagger UI, and docker-compose switches them off. */
class ApiDocsSwitchTest {

    @Test
    void ledgerApiDocsSwitchesOffTheDescriptionAndTheUiTogether() throws IOException {
        assertThat(springdoc(Map.of())).containsExactly("true", "true");
        assertThat(springdoc(Map.of("LEDGER_API_DOCS", "false"))).containsExactly("false", "false");
        assertThat(springdoc(Map.of("ledger.api-docs.enabled", "false"))).containsExactly("false", "false");
    }

    @Test
    void theDockerComposeDeploymentHasNoApiDocs() throws IOException {
        assertThat(Files.readString(Path.of("docker-compose.yml"))).contains("LEDGER_API_DOCS: \"false\"");
    }

    private static String[] springdoc(Map<String, Object> given) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        environment
                .getPropertySources()
                .addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        return new String[] {
            environment.getProperty("springdoc.api-docs.enabled"),
            environment.getProperty("springdoc.swagger-ui.enabled")
        };
    }
}
