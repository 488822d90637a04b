# syntax=docker/dockerfile:1

# Build stage: the project's own Maven wrapper on JDK 17.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY projections/ projections/
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests

# Runtime stage: a JRE only, run as a non-root user.
FROM eclipse-temurin:17-jre
# curl is for the health check; recent Temurin images no longer ship it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system ledger \
    && useradd --system --gid ledger --home-dir /app --shell /usr/sbin/nologin ledger
WORKDIR /app
COPY --from=build /build/target/sharing-ledger.jar /app/sharing-ledger.jar
USER ledger
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/sharing-ledger.jar"]
