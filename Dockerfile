# Multi-stage build with the Maven wrapper; the runtime image holds only a JRE and the jar.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/asyncio-learn-*.jar app.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home --home-dir /app app && mkdir -p /app/data && chown app /app/data
WORKDIR /app
COPY --from=build /workspace/app.jar app.jar
USER app
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
