package io.parkpulse.tools.broker;

import io.parkpulse.config.CommandErrors;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code broker-config}: the broker's accounts, ACL and TLS listener, generated from the park files.
 * Run it again after every change to the parks' gateways; existing accounts keep their passwords unless
 * rotated.
 */
@Command(name = "broker-config", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate Mosquitto's password file, ACL file and a mosquitto.conf snippet (no anonymous clients, "
                + "plain and TLS listeners) from the park files: one account per gateway confined to its own topics, "
                + "plus ingest and dashboard accounts.",
            "Plain passwords go to owner-only env files in <out>/credentials. Existing accounts keep their passwords "
                + "unless --rotate names them or --rotate-all is given."})
public final class BrokerConfigCommand implements Callable<Integer> {

    @Option(names = "--parks", required = true, description = "Park directory (*.yaml).")
    Path parks;

    @Option(names = "--out", required = true, description = "Directory to write acl, passwords, "
            + BrokerConfigFiles.CONF_FILE + " and credentials/ into.")
    Path out;

    @Option(names = "--install-dir", defaultValue = "/etc/mosquitto/parkpulse",
            description = "Where the broker will read acl and passwords from (written into the conf). Default: ${DEFAULT-VALUE}")
    String installDir;

    @Option(names = "--plain-bind", defaultValue = "127.0.0.1", description = "Plain listener address. Default: ${DEFAULT-VALUE}")
    String plainBind;

    @Option(names = "--plain-port", defaultValue = "1883", description = "Plain listener port, 0 for none. Default: ${DEFAULT-VALUE}")
    int plainPort;

    @Option(names = "--tls-port", defaultValue = "8883", description = "TLS listener port, 0 for none. Default: ${DEFAULT-VALUE}")
    int tlsPort;

    @Option(names = "--cafile", defaultValue = "/etc/mosquitto/certs/ca.crt", description = "Default: ${DEFAULT-VALUE}")
    String cafile;

    @Option(names = "--certfile", defaultValue = "/etc/mosquitto/certs/server.crt", description = "Default: ${DEFAULT-VALUE}")
    String certfile;

    @Option(names = "--keyfile", defaultValue = "/etc/mosquitto/certs/server.key", description = "Default: ${DEFAULT-VALUE}")
    String keyfile;

    @Option(names = "--gateway-password-env", defaultValue = BrokerAccessPlan.DEFAULT_GATEWAY_PASSWORD_ENV,
            description = "Variable the gateways' broker.password_env names. Default: ${DEFAULT-VALUE}")
    String gatewayPasswordEnv;

    @Option(names = "--simulator-account", description = "Also a 'simulator' account that may publish as every gateway "
            + "(the demo feed); never for a real park.")
    boolean simulator;

    @Option(names = "--monitor-account", description = "Also an '" + BrokerAccessPlan.MONITOR_USER + "' account that may "
            + "read every park's topics and publish nothing (mosquitto_sub for a person watching).")
    boolean monitor;

    @Option(names = "--simulator-credentials", paramLabel = "FILE", description = "Also write every gateway's user name "
            + "and password into FILE (YAML, owner-only) for a simulator that plays the gateways, each as itself "
            + "(parkpulse-simulators run --credentials); the demo's. Never for a real park.")
    Path simulatorCredentials;

    @Option(names = "--rotate", paramLabel = "USER", description = "Give this account a new password (repeatable).")
    List<String> rotate = List.of();

    @Option(names = "--rotate-all", description = "Give every account a new password.")
    boolean rotateAll;

    @Option(names = "--mosquitto-passwd", description = "The mosquitto_passwd binary. Default: found on the PATH.")
    Path mosquittoPasswd;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.call("parkpulse-tools broker-config", () -> {
            if (!gatewayPasswordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("--gateway-password-env must be an environment variable name: " + gatewayPasswordEnv);
            }
            MosquittoSecurityConf conf = new MosquittoSecurityConf(installDir, plainBind, plainPort, tlsPort, cafile, certfile, keyfile);
            BrokerConfigFiles.Result result = new BrokerConfigFiles(MosquittoPasswd.locate(mosquittoPasswd)).generate(
                    new BrokerConfigFiles.Settings(parks, out, simulator, gatewayPasswordEnv, new LinkedHashSet<>(rotate),
                            rotateAll, conf, monitor, simulatorCredentials));
            long gateways = result.users().stream().filter(u -> u.service().equals("gateway")).count();
            System.out.println("wrote " + result.acl() + ", " + result.passwordFile() + " and " + result.conf() + " for "
                    + result.users().size() + " accounts (" + gateways + " gateways)");
            System.out.println("plain passwords: " + out.resolve(BrokerConfigFiles.CREDENTIALS_DIR) + "/<user>.env (owner-only); "
                    + "install acl and passwords in " + installDir + " and reload the broker (SIGHUP)");
            result.users().stream().filter(u -> !u.service().equals("gateway"))
                    .forEach(u -> System.out.println("  " + u.name() + " (" + u.service() + ")"));
            if (simulatorCredentials != null) {
                System.out.println("every gateway's account for the simulator: " + simulatorCredentials + " (owner-only)");
            }
            return 0;
        });
    }
}
