# syntax=docker/dockerfile:1
# One image recipe for every service: docker build --build-arg SERVICE=ingress -t bread-bot-ingress .
# SERVICE is one of ingress, processor, sender, standalone.
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common/pom.xml common/
COPY test-support/pom.xml test-support/
COPY ingress/pom.xml ingress/
COPY processor/pom.xml processor/
COPY sender/pom.xml sender/
COPY standalone/pom.xml standalone/
RUN ./mvnw -B -q dependency:go-offline -pl ${SERVICE} -am || true
COPY . .
RUN ./mvnw -B -q package -DskipTests -pl ${SERVICE} -am \
 && cp $(ls ${SERVICE}/target/*-exec.jar ${SERVICE}/target/bread-bot.jar 2>/dev/null | head -1) /src/app.jar

FROM eclipse-temurin:17-jre
# the OpenTelemetry Java agent; docker-compose attaches it (JAVA_TOOL_OPTIONS), plain `docker run` does not
ARG OTEL_AGENT_VERSION=2.31.1
ADD --chmod=644 https://repo1.maven.org/maven2/io/opentelemetry/javaagent/opentelemetry-javaagent/${OTEL_AGENT_VERSION}/opentelemetry-javaagent-${OTEL_AGENT_VERSION}.jar /app/opentelemetry-javaagent.jar
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 breadbot
USER breadbot
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
# what the agent records: no HTTP client spans, whose URLs would hold the bot token (TokenStaysOutOfTracesIT)
COPY deploy/otel/agent.properties /app/otel-agent.properties
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
