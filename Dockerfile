# syntax=docker/dockerfile:1
# ParkPulse images, one multi-stage file: the build stage makes the shaded jars once, and each
# deployable is a small target on a common JRE runtime. docker-compose.yml builds them with
# `target: ingest | dashboard-api | gateway | simulators`; `tools` is the operations commands; by hand:
#   docker build --target ingest -t parkpulse/ingest .
# No Docker engine ran where this file was written: it is checked by DeploymentFilesTest (test-kit), see docs/deployment.md.

# --- build: JDK 17, Maven and the Node the web UI's Vite build needs (Vite 7: Node 20.19+ or 22.12+) --------
FROM node:22-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# the Maven repository is a build cache (BuildKit), so a rebuild after a source change downloads nothing
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -DskipTests package

# --- runtime: a JRE, curl for the health checks, one unprivileged user --------------------------------------
FROM eclipse-temurin:17-jre-jammy AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 parkpulse \
 && useradd --system --uid 10001 --gid parkpulse --home-dir /var/lib/parkpulse --create-home --shell /usr/sbin/nologin parkpulse \
 && mkdir -p /opt/parkpulse /etc/parkpulse /var/lib/parkpulse/gateway /var/lib/parkpulse/gateway-config \
 && chown -R parkpulse:parkpulse /var/lib/parkpulse
# state lives in named volumes under /var/lib/parkpulse: its folders belong to this user, and a new
# named volume takes over their owner, so the services can write to it without running as root
WORKDIR /var/lib/parkpulse
# JVM flags per service: each target sets JDK_JAVA_OPTIONS (read by the java launcher itself, so the
# exec-form ENTRYPOINT needs no shell); compose overrides them with *_JAVA_OPTIONS from .env.

# --- ingest: /health and /metrics on 8081 ------------------------------------------------------------------
FROM runtime AS ingest
COPY --from=build /src/ingest/target/parkpulse-ingest.jar /opt/parkpulse/parkpulse-ingest.jar
COPY ingest/jvm.options /opt/parkpulse/ingest-jvm.options
COPY parks/ /etc/parkpulse/parks/
ENV JDK_JAVA_OPTIONS="-Xmx256m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError" \
    PARKPULSE_PARKS_DIR=/etc/parkpulse/parks \
    PARKPULSE_HTTP_HOST=0.0.0.0 \
    PARKPULSE_HTTP_PORT=8081
USER parkpulse
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS -o /dev/null http://127.0.0.1:8081/health || exit 1
ENTRYPOINT ["java", "@/opt/parkpulse/ingest-jvm.options", "-jar", "/opt/parkpulse/parkpulse-ingest.jar"]

# --- dashboard-api: API and web UI on 8082 -----------------------------------------------------------------
FROM runtime AS dashboard-api
COPY --from=build /src/dashboard-api/target/parkpulse-dashboard-api.jar /opt/parkpulse/parkpulse-dashboard-api.jar
COPY parks/ /etc/parkpulse/parks/
ENV JDK_JAVA_OPTIONS="-Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError" \
    PARKPULSE_PARKS_DIR=/etc/parkpulse/parks \
    PARKPULSE_API_HOST=0.0.0.0 \
    PARKPULSE_API_PORT=8082
USER parkpulse
EXPOSE 8082
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS -o /dev/null http://127.0.0.1:8082/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/parkpulse/parkpulse-dashboard-api.jar"]

# --- gateway: the edge flags of gateway/jvm.options; status, metrics and carrier pushes on 8091 -----------
FROM runtime AS gateway
COPY --from=build /src/gateway/target/parkpulse-gateway.jar /opt/parkpulse/parkpulse-gateway.jar
COPY gateway/jvm.options /opt/parkpulse/gateway-jvm.options
ENV JDK_JAVA_OPTIONS=""
USER parkpulse
EXPOSE 8091 5683/udp
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS -o /dev/null http://127.0.0.1:8091/health || exit 1
ENTRYPOINT ["java", "@/opt/parkpulse/gateway-jvm.options", "-jar", "/opt/parkpulse/parkpulse-gateway.jar"]
CMD ["--config", "/etc/parkpulse/gateway.yaml"]

# --- simulators: run, emulate, generate-park, output-report … (the command is the CMD) ----------------------
FROM runtime AS simulators
COPY --from=build /src/simulators/target/parkpulse-simulators.jar /opt/parkpulse/parkpulse-simulators.jar
COPY parks/ /etc/parkpulse/parks/
ENV JDK_JAVA_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
USER parkpulse
# the simulator has no HTTP port: healthy while it holds an established TCP connection to a broker on 1883
# (0x075B in /proc/net/tcp); compose replaces this for the meter emulator, which talks to no broker
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD awk '$3 ~ /:075B$/ && $4 == "01" {up = 1} END {exit !up}' /proc/net/tcp /proc/net/tcp6
ENTRYPOINT ["java", "-jar", "/opt/parkpulse/parkpulse-simulators.jar"]
CMD ["--help"]

# --- tools: broker-config, demo-users, password-hash (one-shot commands; the command is the CMD) ------------
#   docker run --rm -v "$PWD/parks:/etc/parkpulse/parks:ro" -v "$PWD/out:/out" parkpulse/tools broker-config --parks /etc/parkpulse/parks --out /out
FROM runtime AS tools
# broker-config hashes the broker's passwords with mosquitto_passwd, as Mosquitto itself will read them
RUN apt-get update \
 && apt-get install -y --no-install-recommends mosquitto \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/tools/target/parkpulse-tools.jar /opt/parkpulse/parkpulse-tools.jar
ENV JDK_JAVA_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
USER parkpulse
# a command that runs and exits: nothing to check the health of
HEALTHCHECK NONE
ENTRYPOINT ["java", "-jar", "/opt/parkpulse/parkpulse-tools.jar"]
CMD ["--help"]
