package org.breadbot.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.breadbot.common.telegram.api.BotApiException;
import org.junit.jupiter.api.Test;

/** Which failures mean the request never left (waited out without limit) and which may have reached Telegram. */
class UnreachableTest {

    @Test
    void refusedConnectionsAndUnknownHostsNeverReachedTelegram() {
        assertThat(ReplyDelivery.isUnreachable(timeout(new ConnectException("Connection refused")))).isTrue();
        assertThat(ReplyDelivery.isUnreachable(timeout(new RuntimeException(new UnknownHostException("api")))))
                .isTrue();
    }

    @Test
    void anAnswerThatNeverCameOrAServerErrorMayHaveReachedIt() {
        assertThat(ReplyDelivery.isUnreachable(timeout(null))).isFalse();
        assertThat(ReplyDelivery.isUnreachable(timeout(new java.io.IOException("Connection reset")))).isFalse();
        assertThat(ReplyDelivery.isUnreachable(new BotApiException.ServerError("sendMessage", 502, "Bad Gateway")))
                .isFalse();
    }

    private static BotApiException.Timeout timeout(Throwable cause) {
        return new BotApiException.Timeout("sendMessage", cause);
    }
}
