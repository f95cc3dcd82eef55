package org.breadbot.processor.integration;

import java.util.List;
import org.breadbot.common.reply.ReplyMethod;
import org.breadbot.processor.bot.AnswerSplitter;
import org.breadbot.processor.bot.BotProperties;
import org.breadbot.processor.pipeline.Answer;
import org.breadbot.processor.store.Job;
import reactor.core.publisher.Mono;

/**
 * What a job answers (spec §4.2.22–4.2.32, §8): the service's content in the spec's shape, or a friendly reply
 * when the service fails. Never an error: every job ends in an answer.
 *
 * <table>
 *   <caption>Replies by outcome</caption>
 *   <tr><th>job</th><th>success</th><th>unavailable (down, slow, not configured)</th><th>garbage</th></tr>
 *   <tr><td>quote</td><td>text, blank line, © author</td><td>a proverb of the offline collection</td>
 *       <td>{@link #QUOTE_FAILED}</td></tr>
 *   <tr><td>joke</td><td>text, blank line, © https://baneks.ru</td><td>a joke of the offline collection</td>
 *       <td>{@link #JOKE_FAILED}</td></tr>
 *   <tr><td>advice</td><td>the text</td><td>advice of the offline collection</td><td>{@link #ADVICE_FAILED}</td></tr>
 *   <tr><td>think, prompt</td><td>the completion</td><td colspan="2">{@link #ANSWER_FAILED}</td></tr>
 *   <tr><td>imagine</td><td>the picture, captioned "prompt (c) bot name"</td>
 *       <td colspan="2">{@link #PICTURE_FAILED}</td></tr>
 * </table>
 */
public final class JobAnswers {

    static final String QUOTE_FAILED = "Не удалось получить цитату от провайдера";
    static final String JOKE_FAILED = "Не удалось получить анекдот от провайдера";
    static final String ADVICE_FAILED = "Не удалось получить совет от провайдера";
    static final String ANSWER_FAILED = "Ошибка при получении ответа";
    static final String PICTURE_FAILED = "Ошибка при получении картинки";
    /** The second system message of THINK (spec §8.4). */
    static final String THINK_STYLE = "Уложись в три-четыре предложения. Расскажи об этом в юмористической и "
            + "саркастической форме.";
    static final String JOKE_SOURCE = "https://baneks.ru";
    /** Telegram's caption limit. */
    private static final int CAPTION_LIMIT = 1024;

    private final QuoteProvider quotes;
    private final JokeProvider jokes;
    private final AdviceProvider advice;
    private final OpenAiClient openAi;
    private final Offline offline;
    private final BotProperties bot;

    /** The built-in collections. */
    record Offline(OfflineCollection quotes, OfflineCollection jokes, OfflineCollection advice) {
    }

    JobAnswers(QuoteProvider quotes, JokeProvider jokes, AdviceProvider advice, OpenAiClient openAi, Offline offline,
            BotProperties bot) {
        this.quotes = quotes;
        this.jokes = jokes;
        this.advice = advice;
        this.openAi = openAi;
        this.offline = offline;
        this.bot = bot;
    }

    /** The job's answers, in order; long texts already split. */
    public Mono<List<Answer>> answer(Job job) {
        return switch (job.kind()) {
            case QUOTE -> quotes.random().map(quote -> texts(job, quoteText(quote)));
            case JOKE -> jokes.random().map(joke -> texts(job, jokeText(joke)));
            case ADVICE -> advice.random().map(fetched -> texts(job, adviceText(fetched)));
            case THINK -> openAi.complete(List.of(
                            OpenAiClient.ChatMessage.system(String.valueOf(job.prePrompt())),
                            OpenAiClient.ChatMessage.system(THINK_STYLE),
                            OpenAiClient.ChatMessage.user(String.valueOf(job.text()))))
                    .map(fetched -> texts(job, completionText(fetched)));
            case FREE_PROMPT -> openAi.complete(List.of(OpenAiClient.ChatMessage.user(String.valueOf(job.text()))))
                    .map(fetched -> texts(job, completionText(fetched)));
            case IMAGINE -> openAi.imagine(String.valueOf(job.text())).map(fetched -> picture(job, fetched));
        };
    }

    /**
     * What the chat is told when its job could not be done at all (it ran past its deadline, or was handed off
     * {@code max-hand-offs} times without finishing): the kind's failure text.
     */
    public List<Answer> failed(Job job) {
        return texts(job, switch (job.kind()) {
            case QUOTE -> QUOTE_FAILED;
            case JOKE -> JOKE_FAILED;
            case ADVICE -> ADVICE_FAILED;
            case THINK, FREE_PROMPT -> ANSWER_FAILED;
            case IMAGINE -> PICTURE_FAILED;
        });
    }

    private String quoteText(Fetched<Quote> fetched) {
        if (fetched instanceof Fetched.Success<Quote> success) {
            return success.value().text() + "\n\n© " + success.value().author();
        }
        return fetched instanceof Fetched.Unavailable ? offline.quotes().random() : QUOTE_FAILED;
    }

    private String jokeText(Fetched<String> fetched) {
        if (fetched instanceof Fetched.Success<String> success) {
            return success.value() + "\n\n© " + JOKE_SOURCE;
        }
        return fetched instanceof Fetched.Unavailable ? offline.jokes().random() : JOKE_FAILED;
    }

    private String adviceText(Fetched<String> fetched) {
        if (fetched instanceof Fetched.Success<String> success) {
            return success.value();
        }
        return fetched instanceof Fetched.Unavailable ? offline.advice().random() : ADVICE_FAILED;
    }

    private static String completionText(Fetched<String> fetched) {
        return fetched instanceof Fetched.Success<String> success ? success.value() : ANSWER_FAILED;
    }

    private List<Answer> picture(Job job, Fetched<String> fetched) {
        if (fetched instanceof Fetched.Success<String> success) {
            return List.of(Answer.media(job.chatId(), ReplyMethod.SEND_PHOTO, success.value(), caption(job.text()),
                    job.replyToMessageId()));
        }
        return texts(job, PICTURE_FAILED);
    }

    private String caption(String prompt) {
        String signature = " (c) " + bot.name();
        String caption = prompt + signature;
        if (caption.length() <= CAPTION_LIMIT) {
            return caption;
        }
        return prompt.substring(0, Math.max(0, CAPTION_LIMIT - signature.length() - 1)) + "…" + signature;
    }

    private List<Answer> texts(Job job, String text) {
        return AnswerSplitter.split(text, bot.messageLenLimit()).stream()
                .map(part -> Answer.text(job.chatId(), part, job.replyToMessageId()))
                .toList();
    }
}
