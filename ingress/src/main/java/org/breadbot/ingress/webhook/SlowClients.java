package org.breadbot.ingress.webhook;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Puts {@link ConnectionLimits} on ingress's Netty server. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectionLimits.class)
class SlowClients {

    @Bean
    NettyServerCustomizer connectionLimits(ConnectionLimits limits) {
        return server -> server
                .maxConnections(limits.maxConnections())
                .idleTimeout(limits.idleTimeout())
                .readTimeout(limits.readTimeout())
                .requestTimeout(limits.requestTimeout())
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline().addAfter(
                        NettyPipeline.HttpCodec, "bread-bot.headerDeadline",
                        new HeaderDeadline(limits.headerTimeout().toMillis())));
    }

    /**
     * Closes a connection whose first request line and headers do not arrive in time. Reactor Netty's own timeouts
     * start once the headers are in, and its idle timeout restarts on every byte, so a client trickling headers one
     * byte a second would otherwise hold the connection for as long as the header size limit lasts.
     */
    static final class HeaderDeadline extends ChannelInboundHandlerAdapter {

        private final long millis;
        private ScheduledFuture<?> deadline;

        HeaderDeadline(long millis) {
            this.millis = millis;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            deadline = ctx.executor().schedule(() -> {
                ctx.close();
            }, millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest) {
                deadline.cancel(false);
                ctx.pipeline().remove(this);
            }
            ctx.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            deadline.cancel(false);
            ctx.fireChannelInactive();
        }
    }
}
