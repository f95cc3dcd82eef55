package org.breadbot.replay;

import org.breadbot.common.kafka.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dlt", description = "Dead letters of a topic: list them with their errors, re-drive chosen ones.",
        subcommands = {DltListCommand.class, DltRedriveCommand.class})
final class DltCommand {

    /** Which DLT: {@code --dlt-topic}, else {@code <topic>.dlt}. */
    static final class DltTopicOption {
        @Option(names = "--dlt-topic", paramLabel = "TOPIC",
                description = "The dead-letter topic (default: the --topic name + '.dlt').")
        String dltTopic;

        String resolve(String sourceTopic) {
            return dltTopic != null ? dltTopic : sourceTopic + Topics.DLT_SUFFIX;
        }
    }
}
