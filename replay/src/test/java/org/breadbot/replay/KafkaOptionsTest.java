package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaOptionsTest {

    @Test
    void consumerHasNoGroupAndNeverCommits() {
        Map<String, Object> config = options().consumerConfig();

        assertThat(config).doesNotContainKey("group.id").doesNotContainKey("group.instance.id");
        assertThat(config).containsEntry("enable.auto.commit", false)
                .containsEntry("bootstrap.servers", "broker:9092");
    }

    @Test
    void groupSettingsFromTheUserAreRefused() {
        for (String setting : new String[] {"group.id", "group.instance.id", "enable.auto.commit"}) {
            KafkaOptions options = options();
            options.properties.put(setting, "x");

            assertThatThrownBy(options::consumerConfig).isInstanceOf(ToolException.class)
                    .hasMessageContaining(setting + " is not allowed");
        }
    }

    @Test
    void securitySettingsComeFromTheConfigFileAndTheCommandLineWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        KafkaOptions options = options();
        options.configFile = file;
        options.properties.put("sasl.mechanism", "PLAIN");

        assertThat(options.consumerConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void producerWaitsForAllReplicasAndIsIdempotent() {
        assertThat(options().producerConfig()).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }

    @Test
    void defaultsComeFromTheEnvironmentOrLocalhost() {
        ToolOptions parsed = new ToolOptions();
        new picocli.CommandLine(parsed).parseArgs();

        String expected = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        assertThat(parsed.kafka.bootstrapServers).isEqualTo(expected);
        assertThat(parsed.kafka.topic).isEqualTo("telegram.updates");
    }

    @picocli.CommandLine.Command
    static final class ToolOptions {
        @picocli.CommandLine.Mixin
        KafkaOptions kafka;
    }

    private static KafkaOptions options() {
        KafkaOptions options = new KafkaOptions();
        options.bootstrapServers = "broker:9092";
        options.topic = "telegram.updates";
        options.stallTimeout = Duration.ofSeconds(1);
        return options;
    }
}
