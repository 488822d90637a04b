package org.sharingledger.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.sharingledger.kernel.BlindDigests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** The filters around every recording request, in order: metrics, then security, then the transaction. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** No parameter or path variable with a control character reaches a controller ({@link ParameterText}). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterText());
    }

    /** The ledger's clock: UTC, to the millisecond (what the database and the API show, no more). */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** Reading a request body notes every value of the wrong shape ({@link BodyProblemsAdvice}). */
    @Bean
    JsonMapperBuilderCustomizer bodyProblems() {
        return builder -> builder.addHandler(new BodyProblems())
                .addModule(new SimpleModule("body-values")
                        .addDeserializer(String.class, new BodyStrings())
                        .addDeserializer(LocalDate.class, dates(LocalDate.class, LocalDateDeserializer.INSTANCE))
                        .addDeserializer(Instant.class, dates(Instant.class, InstantDeserializer.INSTANT)));
    }

    @SuppressWarnings("unchecked") // BodyDates answers what its delegate answers: a T, or null
    private static <T> ValueDeserializer<T> dates(Class<T> type, ValueDeserializer<T> delegate) {
        return (ValueDeserializer<T>) (ValueDeserializer<?>) new BodyDates(type, delegate);
    }

    /**
     * A body over {@code ledger.web.max-body-size} (a CSV file: {@code ledger.web.max-import-size}) is refused with 413
     * before it is read ({@link BodySizeLimit}).
     */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(
            @Value("${ledger.web.max-body-size:64KB}") DataSize maxBodySize,
            @Value("${ledger.web.max-import-size:2MB}") DataSize maxImportSize) {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(maxBodySize.toBytes(), maxImportSize.toBytes()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<CommandMetricsFilter> commandMetricsFilter(MeterRegistry registry) {
        FilterRegistrationBean<CommandMetricsFilter> registration =
                new FilterRegistrationBean<>(new CommandMetricsFilter(registry));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RecordingRequestFilter> recordingRequestFilter(
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc,
            Clock clock,
            BlindDigests digests,
            IdempotencyKeys keys) {
        FilterRegistrationBean<RecordingRequestFilter> registration =
                new FilterRegistrationBean<>(new RecordingRequestFilter(transactions, jdbc, clock, digests, keys));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
