package org.breadbot.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.breadbot.testsupport.Updates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsIT {

    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    private UpdateTopic topic;

    @BeforeEach
    void fillTopic() {
        topic = UpdateTopic.create("stats", 3);
        topic.send(Updates.text("a").inGroup(-1L), HOUR.plusSeconds(10).toEpochMilli());
        topic.send(Updates.text("b").inGroup(-1L), HOUR.plusSeconds(20).toEpochMilli());
        topic.send(Updates.text("c").inGroup(-1L).edited(), HOUR.plusSeconds(3_610).toEpochMilli());
        topic.send(Updates.text("d").inGroup(-2L), HOUR.plusSeconds(3_620).toEpochMilli());
        topic.sendRaw(0, "x", "not json".getBytes(StandardCharsets.UTF_8), HOUR.plusSeconds(3_630).toEpochMilli(),
                List.of());
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void csvCountsPerTypeChatAndHour() {
        Tool.Run run = Tool.succeed("stats", "--topic", topic.name, "--format", "csv");

        assertThat(run.lines()).containsExactly(
                "dimension,key,count",
                "type,message,3",
                "type,(none),1",
                "type,edited_message,1",
                "chat,-1,3",
                "chat,(none),1",
                "chat,-2,1",
                "hour," + HOUR + ",2",
                "hour," + HOUR.plusSeconds(3_600) + ",3");
        assertThat(run.err()).contains("counted 5 records");
    }

    @Test
    void tableHonoursTheSliceAndTheZone() {
        Tool.Run run = Tool.succeed("stats", "--topic", topic.name, "--chat", "-1", "--zone", "+03:00",
                "--from", HOUR.toString(), "--to", HOUR.plusSeconds(3_615).toString());

        assertThat(run.out()).contains("3 updates");
        assertThat(run.out()).containsPattern("message\\s+2\\n");
        assertThat(run.out()).containsPattern("edited_message\\s+1\\n");
        assertThat(run.out()).containsPattern("-1\\s+3\\n");
        String hourInZone = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(HOUR.atOffset(ZoneOffset.ofHours(3)));
        assertThat(run.out()).contains("HOUR (+03:00)").containsPattern(Pattern.quote(hourInZone) + "\\s+2\\n");
    }
}
