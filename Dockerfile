# Builds the application image from the repository: docker compose build (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app resourcesharing
WORKDIR /app
# digital copies are kept in ./data/copies (a volume in docker-compose.yml), written by the application's user
RUN mkdir -p /app/data/copies && chown -R resourcesharing /app/data
COPY --from=build /src/target/resource-sharing-workflows-*.jar /app/app.jar
USER resourcesharing
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
