package io.parkpulse.gateway;

import io.parkpulse.gateway.config.GatewayConfig;
import io.parkpulse.gateway.config.GatewayConfigReader;
import io.parkpulse.gateway.config.InvalidGatewayConfigException;
import io.parkpulse.gateway.config.ProfileCatalog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar parkpulse-gateway.jar --config gateway.yaml}: runs one park gateway until stopped. */
@Command(name = "parkpulse-gateway", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads a park's meters (Modbus TCP, DL/T 645, CJ/T 188, NB-IoT) and publishes their readings over MQTT,",
            "buffering them on disk while the broker cannot be reached. Configuration: docs/gateway.md."})
public final class GatewayMain implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "The gateway's YAML configuration file")
    Path config;

    @Option(names = "--profiles", description = "A directory of site meter profiles (<name>.yaml), beside the built-in ones")
    Path profiles;

    @Option(names = "--check", description = "Only validate the configuration and exit")
    boolean check;

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new GatewayMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ProfileCatalog catalog = profiles == null ? ProfileCatalog.builtIn() : ProfileCatalog.withSiteDirectory(profiles);
        GatewayConfig gatewayConfig;
        try {
            gatewayConfig = new GatewayConfigReader(System::getenv, catalog).read(config);
        } catch (InvalidGatewayConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (check) {
            System.out.println(config + ": valid, " + gatewayConfig.devices().size() + " devices");
            return 0;
        }
        Gateway gateway = Gateway.start(gatewayConfig);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        stopped.await();
        return 0;
    }
}
