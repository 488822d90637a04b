package org.sharingledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** The generated OpenAPI description (/v3/api-docs), with what docs/api.md says and the code cannot show. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Information-sharing ledger API")
                        .version("1")
                        .description("""
                                Every request for information about a child, every decision to share or refuse, \
                                and every escalation, recorded as immutable events.

                                Conventions: times are ISO-8601 instants in UTC, dates YYYY-MM-DD. Errors are \
                                RFC 9457 application/problem+json with type, title, status, detail and, for \
                                invalid input, errors: [{field, message}]. 400 invalid input (unknown JSON fields \
                                included); 401 no or bad credentials; 403 not allowed (the attempt is recorded); \
                                404 unknown id; 409 the current state does not allow the step; 422 an \
                                Idempotency-Key reused with a different body. On any 4xx or 5xx nothing is \
                                recorded. A 2xx means the events are committed, and GET /api/requests/{id} \
                                reflects them at once. Every answer carries X-Correlation-Id (yours if you sent \
                                one), which is also stored with each event."""))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("For people trying the API"))
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Personal access token from POST /api/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Every recording POST takes an optional Idempotency-Key. */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name("Idempotency-Key")
                        .required(false)
                        .description("1 to 128 printable characters. A retry with the same key and body returns "
                                + "the first answer and records nothing new; another body with the same key is 422.")
                        .schema(new StringSchema().maxLength(128)));
            }
            return operation;
        };
    }
}
