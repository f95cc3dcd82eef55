package org.breadbot.replay;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.breadbot.common.config.LiquibaseAnalytics;
import org.breadbot.common.secret.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * bread-bot-replay: the analysts' tool over the update topics. Every reading command assigns partitions and
 * seeks by itself, so it never joins, creates or moves a consumer group; read access to the topics suffices.
 */
@Command(name = "bread-bot-replay", mixinStandardHelpOptions = true, versionProvider = ReplayTool.Version.class,
        scope = ScopeType.INHERIT,
        description = {
            "Export, count, replay and re-drive bread-bot's Kafka update topics.",
            "Never joins or moves a consumer group (assign + seek, no group.id, no commits)."},
        subcommands = {ExportCommand.class, StatsCommand.class, ReplayCommand.class, ImportCommand.class, DltCommand.class,
            ForgetCommand.class,
            HelpCommand.class})
public final class ReplayTool {

    public static void main(String[] args) {
        LiquibaseAnalytics.disable();
        Secrets.registerEnvironment(System.getenv());
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The command line with its subcommands, printing to the given writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ReplayTool());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("error: " + Secrets.mask(message(exception)));
            failed.getErr().flush();
            return exception instanceof ToolException ? 1 : 3;
        });
        return commandLine;
    }

    /** The user's problem in one line; a stack trace only for what is not (a bug, an unexpected failure). */
    private static String message(Exception exception) {
        if (exception instanceof ToolException) {
            return exception.getMessage();
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        exception.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ReplayTool.class.getPackage().getImplementationVersion();
            return new String[] {"bread-bot-replay " + (version == null ? "(development build)" : version)};
        }
    }
}
