package io.parkpulse.tools.broker;

import io.parkpulse.park.ParkDirectory;
import io.parkpulse.park.ParkRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a broker's security configuration for a park directory into {@code out}: {@code acl},
 * {@code passwords} (hashed), {@code mosquitto-security.conf} and {@code credentials/*.env}.
 */
public final class BrokerConfigFiles {

    public static final String CONF_FILE = "mosquitto-security.conf";
    public static final String CREDENTIALS_DIR = "credentials";

    /** What was written, for the command's summary and for tests. */
    public record Result(List<BrokerUser> users, Map<String, String> passwords, Path out) {
        public Path acl() {
            return out.resolve(MosquittoSecurityConf.ACL_FILE);
        }

        public Path passwordFile() {
            return out.resolve(MosquittoSecurityConf.PASSWORD_FILE);
        }

        public Path conf() {
            return out.resolve(CONF_FILE);
        }
    }

    /**
     * Options of one generation.
     *
     * @param withMonitor          also the read-only {@code operator-readonly} account
     * @param simulatorCredentials where to write every gateway's user name and password for a simulator that plays
     *                             the gateways, each over its own account (the demo); {@code null} for none
     */
    public record Settings(Path parks, Path out, boolean withSimulator, String gatewayPasswordEnv, Set<String> rotate,
                           boolean rotateAll, MosquittoSecurityConf conf, boolean withMonitor, Path simulatorCredentials) {

        public Settings(Path parks, Path out, boolean withSimulator, String gatewayPasswordEnv, Set<String> rotate,
                        boolean rotateAll, MosquittoSecurityConf conf) {
            this(parks, out, withSimulator, gatewayPasswordEnv, rotate, rotateAll, conf, false, null);
        }
    }

    private final MosquittoPasswd passwd;

    public BrokerConfigFiles(MosquittoPasswd passwd) {
        this.passwd = passwd;
    }

    public Result generate(Settings settings) {
        ParkRegistry parks = new ParkDirectory(settings.parks()).load();
        List<BrokerUser> users = BrokerAccessPlan.users(parks, settings.withSimulator(), settings.withMonitor(),
                settings.gatewayPasswordEnv());
        Set<String> known = users.stream().map(BrokerUser::name).collect(java.util.stream.Collectors.toSet());
        for (String name : settings.rotate()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--rotate " + name + ": no such MQTT user; the users are " + known);
            }
        }
        try {
            Files.createDirectories(settings.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + settings.out() + ": " + e.getMessage(), e);
        }
        Credentials credentials = new Credentials(settings.out().resolve(CREDENTIALS_DIR));
        Map<String, String> passwords = credentials.passwords(users, settings.rotate(), settings.rotateAll());
        Result result = new Result(users, passwords, settings.out());
        // the hashes first: if hashing fails, the old credentials still match the old password file
        passwd.writePasswordFile(passwords, result.passwordFile());
        credentials.write(users, passwords);
        if (settings.simulatorCredentials() != null) {
            SimulatorCredentialsFile.write(settings.simulatorCredentials(), parks, passwords);
        }
        writeText(result.acl(), AclFile.render(users, settings.parks().toString()));
        writeText(result.conf(), settings.conf().render());
        return result;
    }

    private static void writeText(Path target, String content) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
