# Builds the application image from the repository: docker compose build (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests \
    && cp target/resource-sharing-workflows-*.jar app.jar \
    && java -Djarmode=tools -jar app.jar extract --destination application

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app resourcesharing
WORKDIR /app
# digital copies are kept in ./data/copies (a volume in docker-compose.yml), written by the application's user
RUN mkdir -p /app/data/copies && chown -R resourcesharing /app/data
COPY --from=build /src/application /app/application
# Start-up (README "Benchmarks"): the jar extracted (above), and a class data archive (Spring Boot's CDS) of the
# classes a start loads, written by this JVM in a training run that refreshes the context on the demo's H2
# database in a temporary folder and exits.
RUN training=$(mktemp -d) && cd "$training" \
    && java -XX:ArchiveClassesAtExit=/app/application/application.jsa -Dspring.context.exit=onRefresh -jar /app/application/app.jar \
    && cd / && rm -rf "$training"
USER resourcesharing
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/application/application.jsa", "-jar", "/app/application/app.jar"]
