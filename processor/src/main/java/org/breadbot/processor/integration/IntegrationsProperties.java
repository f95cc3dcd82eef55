package org.breadbot.processor.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The outside services (spec §8), {@code bread-bot.integrations.*}. Base URLs, keys and timeouts can come from the
 * environment, e.g. {@code BREAD_BOT_INTEGRATIONS_QUOTES_BASE_URL}; {@code processor.yml} also maps the original
 * bot's {@code OPENAI_TOKEN} and {@code OPENAI_ORGANIZATION}. An unset base URL is the original's service; a blank
 * base URL or key means "not configured": the command then answers as if the service were down, without calling
 * anything.
 *
 * @param quotes         forismatic-style quotes ({@code цитата})
 * @param jokes          baneks-style joke pages ({@code анекдот})
 * @param advice         the advice API ({@code совет})
 * @param openai         an OpenAI-compatible API (the THINK, FREE_PROMPT and IMAGINE commands)
 * @param circuitBreaker when a service counts as down, shared by all services (each has its own breaker)
 */
@Validated
@ConfigurationProperties("bread-bot.integrations")
public record IntegrationsProperties(
        @DefaultValue @Valid Provider quotes,
        @DefaultValue @Valid Provider jokes,
        @DefaultValue @Valid Provider advice,
        @DefaultValue @Valid OpenAi openai,
        @DefaultValue @Valid Breaker circuitBreaker) {

    /** The services the original bot used (spec §8.2). */
    static final String QUOTES_URL = "http://api.forismatic.com";
    static final String JOKES_URL = "https://baneks.ru";
    static final String ADVICE_URL = "http://fucking-great-advice.ru";

    public IntegrationsProperties {
        quotes = quotes.orDefaultUrl(QUOTES_URL);
        jokes = jokes.orDefaultUrl(JOKES_URL);
        advice = advice.orDefaultUrl(ADVICE_URL);
    }

    /**
     * A content provider.
     *
     * @param baseUrl the service's root, e.g. {@code http://api.forismatic.com}; unset for the original's, blank for
     *                none
     * @param timeout longest wait for one attempt, response body included (the original's HTTP library used 5 s)
     * @param retries further attempts after a connection error, a timeout or a 5xx/429 answer
     * @param backoff first wait before a retry; it doubles, with jitter
     * @param maxBody a longer answer is garbage, not read to the end
     */
    public record Provider(
            String baseUrl,
            @DefaultValue("5s") @NotNull Duration timeout,
            @DefaultValue("2") @Min(0) @Max(10) int retries,
            @DefaultValue("200ms") @NotNull Duration backoff,
            @DefaultValue("256KB") @NotNull DataSize maxBody) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank();
        }

        Provider orDefaultUrl(String url) {
            return baseUrl != null ? this : new Provider(url, timeout, retries, backoff, maxBody);
        }
    }

    /**
     * An OpenAI-compatible API (spec §8.4).
     *
     * @param baseUrl      the API root, {@code https://api.openai.com} by default; paths start with {@code /v1}
     * @param key          the API key ({@code OPENAI_TOKEN}); blank means not configured
     * @param organization sent as {@code OpenAI-Organization} when set ({@code OPENAI_ORGANIZATION})
     * @param model        the chat completion model
     * @param imageSize    the size of drawn pictures
     * @param timeout      longest wait for one attempt (the original allowed 60 s)
     * @param retries      further attempts after a connection error, a timeout or a 5xx/429 answer
     * @param backoff      first wait before a retry (the original waited 3 s between job attempts)
     * @param maxBody      a longer answer is garbage
     */
    public record OpenAi(
            @DefaultValue("https://api.openai.com") String baseUrl,
            String key,
            String organization,
            @DefaultValue("gpt-3.5-turbo") String model,
            @DefaultValue("512x512") String imageSize,
            @DefaultValue("60s") @NotNull Duration timeout,
            @DefaultValue("1") @Min(0) @Max(10) int retries,
            @DefaultValue("3s") @NotNull Duration backoff,
            @DefaultValue("1MB") @NotNull DataSize maxBody) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank() && key != null && !key.isBlank();
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", key=" + (key == null || key.isBlank() ? "" : "***")
                    + ", organization=" + organization + ", model=" + model + ", imageSize=" + imageSize
                    + ", timeout=" + timeout + ", retries=" + retries + ", backoff=" + backoff + ", maxBody="
                    + maxBody + "]";
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls (down, slow or garbage) that opens a breaker
     * @param slidingWindow        how many recent calls the rate is taken over
     * @param minimumCalls         no rate before this many calls
     * @param openFor              how long an open breaker answers "down" without calling, before it tries again
     */
    public record Breaker(
            @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
            @DefaultValue("10") @Min(1) int slidingWindow,
            @DefaultValue("5") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openFor) {
    }
}
