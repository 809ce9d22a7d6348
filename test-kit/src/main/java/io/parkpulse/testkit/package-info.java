/**
 * Real Mosquitto and InfluxDB 1.x for integration tests: never mocks.
 *
 * <p>Servers run as child processes of the test JVM from the Debian binaries ({@code mosquitto},
 * {@code influxd}) on free loopback ports with temporary data directories, or in Docker through
 * Testcontainers where the binaries are missing. Tests can stop, kill and restart them on the same port
 * to inject faults. Typical use:
 * <pre>{@code
 * @RealServicesTest
 * class IngestIntegrationTest {
 *     @Test
 *     void survivesAnInfluxOutage(MqttBroker broker, InfluxDb influx) {
 *         influx.createDatabase("parkpulse");
 *         // ... start the service under test against broker.url() and influx.url()
 *         influx.stop();
 *         // ... publish while InfluxDB is down
 *         influx.start();
 *         // ... await influx.count("parkpulse", "SELECT count(power_kw) FROM telemetry")
 *     }
 * }
 * }</pre>
 * Outside JUnit, {@link io.parkpulse.testkit.RealServices} starts one server per call; close it.
 */
package io.parkpulse.testkit;
