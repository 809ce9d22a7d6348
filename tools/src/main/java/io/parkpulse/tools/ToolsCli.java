package io.parkpulse.tools;

import io.parkpulse.tools.accounts.DemoUsersCommand;
import io.parkpulse.tools.accounts.PasswordHashCommand;
import io.parkpulse.tools.broker.BrokerConfigCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code java -jar parkpulse-tools.jar <command>}: the operations commands of a ParkPulse installation — the broker's
 * accounts and ACLs generated from the park files, and the dashboard's users file and password hashes.
 */
@Command(name = "parkpulse-tools", mixinStandardHelpOptions = true,
        description = "Operations commands: broker security from the park files (docs/broker.md), dashboard users and "
                + "password hashes (docs/accounts.md).",
        subcommands = {BrokerConfigCommand.class, DemoUsersCommand.class, PasswordHashCommand.class})
public final class ToolsCli implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new ToolsCli());
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
