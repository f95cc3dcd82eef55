package org.breadbot.processor.command;

import static org.breadbot.processor.command.ArgumentShape.BARE;
import static org.breadbot.processor.command.ArgumentShape.OPTIONAL_VALUE;
import static org.breadbot.processor.command.ArgumentShape.PARAMETER_KEY_VALUE;
import static org.breadbot.processor.command.ArgumentShape.PARAMETER_REST;
import static org.breadbot.processor.command.ArgumentShape.VALUE_LIST;

import java.util.List;

/**
 * The [H] command table (spec §4.1.1), then the legacy commands rebuilt on the [H] model (§4.3), in declaration
 * order, which is the help numbering and the tie-break of the alias matching. Every row is here, built or not, so
 * that parsing is right from the start (a command without an implementation passes).
 */
public final class CommandCatalogue {

    private static final String REPLY_NEEDED = "[Нужен ответ на сообщение] ";
    private static final String REMEMBERED_KINDS = "Работает с картинками, картинками с описанием, анимациями, "
            + "голосовыми, стикерами, текстом, видео и видеосообщениями";

    public static final CommandSpec SHOW = spec("SHOW", List.of("покажи"), PARAMETER_REST, false,
            "Показывает сохраненные данные: ключи и их ответы. Длинный список показывается по страницам; "
                    + "можно указать часть ключа и номер страницы",
            "покажи подстроки", "покажи триггеры", "покажи триггеры 2", "покажи подстроки привет");
    public static final CommandSpec ADD = spec("ADD", List.of("добавь"), PARAMETER_KEY_VALUE, false,
            "Добавление указанных данных",
            "добавь подстроку my_key=my_value", "добавь триггер my_key=my_value");
    public static final CommandSpec REMEMBER = spec("REMEMBER",
            List.of("запомни значение", "запомни подстроку", "подстрока", "запомни"), VALUE_LIST, true,
            REPLY_NEEDED + "Запоминает содержимое сообщения из ответа как подстроку. " + REMEMBERED_KINDS,
            "запомни my_key", "запомни значение my_key", "подстрока my_key", "запомни my_key1, my_key2, my_key3");
    public static final CommandSpec REMEMBER_TRIGGER = spec("REMEMBER_TRIGGER",
            List.of("запомни триггер", "триггер"), VALUE_LIST, true,
            REPLY_NEEDED + "Запоминает содержимое сообщения из ответа как триггер. " + REMEMBERED_KINDS,
            "запомни триггер my_key", "триггер my_key", "триггер my_key1, my_key2, my_key3");
    public static final CommandSpec DELETE = spec("DELETE", List.of("удали"), BARE, true,
            REPLY_NEEDED + "Удаляет указанные данные",
            "удали");
    public static final CommandSpec ANSWER_CHANCE = spec("ANSWER_CHANCE", List.of("процент срабатывания", "процент"),
            OPTIONAL_VALUE, false,
            "Показ / установка процента срабатывания подстрок",
            "процент", "процент 15");
    public static final CommandSpec CHECK_ANSWER = spec("CHECK_ANSWER", List.of("проверь", "проверка", "check"),
            OPTIONAL_VALUE, false,
            "В чатах с низким процентом срабатывания позволяет проверить, какой ответ дает триггер или подстрока",
            "check моя_подстрока", "check мой_триггер", "проверь мой_триггер", "проверь моя_подстрока",
            "проверка мой_триггер", "проверка моя_подстрока");
    public static final CommandSpec SAY = spec("SAY", List.of("скажи", "say"), OPTIONAL_VALUE, false,
            "Бот отправит указанную строку",
            "скажи Какой прекрасный день!", "say Какой прекрасный день!");
    public static final CommandSpec SHOW_KEYS = spec("SHOW_KEYS", List.of("покажи ключи", "show keys"), BARE, true,
            REPLY_NEEDED + "Показывает ключи, привязанные к содержимому",
            "покажи ключи");
    public static final CommandSpec MORPH_ANSWER_CHANCE = spec("MORPH_ANSWER_CHANCE", List.of("процент бреда"),
            OPTIONAL_VALUE, false,
            "Показ / установка процента автоматического бреда",
            "процент бреда", "процент бреда 15");
    public static final CommandSpec STATS = spec("STATS", List.of("статистика", "стата"), BARE, false,
            "Статистика чата: сколько сообщений написал каждый участник и сколько раз позвал бота. "
                    + "По умолчанию за 7 дней, можно указать число дней (до 365)",
            "стата", "стата 30", "статистика 365");
    public static final CommandSpec COUPLE = spec("COUPLE", List.of("парочка", "пара"), BARE, false,
            "Образование пары из двух участников группы",
            "парочка", "парочка хороших людей");
    public static final CommandSpec TOP = spec("TOP", List.of("топ", "top"), BARE, false,
            "Формирование топа из участников группы (до 20 мест)",
            "топ", "топ хороших людей");
    public static final CommandSpec WHO = spec("WHO",
            List.of("кто", "у кого", "кем", "с кем", "кого", "кому", "о ком", "чья", "чьё", "чей", "чье"), BARE, false,
            "Выбор случайного участника группы",
            "кто хороший человек?", "с кем веселее всего?");
    public static final CommandSpec CHANNEL = spec("CHANNEL", List.of("channel", "all", "канал"), BARE, false,
            "Призыв всех участников группы",
            "channel", "all", "канал");
    public static final CommandSpec CHANCE = spec("CHANCE", List.of("вероятность", "шанс"), BARE, false,
            "Выдача вероятности события случайным образом",
            "вероятность события N");
    public static final CommandSpec FUTURE_DATE = spec("FUTURE_DATE",
            List.of("когда", "когда будет", "когда будут", "когда настанет", "когда настанут", "когда случится",
                    "когда случатся", "когда произойдет", "когда произойдут", "когда наступит", "когда наступят"),
            BARE, false,
            "Случайная дата в будущем",
            "когда будет хороший день?");
    public static final CommandSpec HOW_MANY = spec("HOW_MANY", List.of("сколько"), BARE, false,
            "Случайное число",
            "сколько на планете ежей?");
    public static final CommandSpec PAST_DATE = spec("PAST_DATE",
            List.of("когда был", "когда было", "когда была", "когда были", "когда настало", "когда настала",
                    "когда настал", "когда настали", "когда наступило", "когда наступила", "когда наступил",
                    "когда наступили", "когда случилось", "когда случилась", "когда случился", "когда случились",
                    "когда произошло", "когда произошла", "когда произошел", "когда произошли"),
            BARE, false,
            "Случайная дата в прошлом",
            "когда были лучшие времена?", "когда произошли случайные события?");
    public static final CommandSpec HELP = spec("HELP", List.of("help", "хелп", "помощь", "hlep"), BARE, false,
            "Помощь. Если к 'help' добавить имя команды, то будут отображены подробности запуска",
            "help", "help запомни");
    public static final CommandSpec CHOOSE_VARIANT = spec("CHOOSE_VARIANT", List.of("выбери", "выбор"), VALUE_LIST,
            false,
            "Выбор случайного значения из перечисленных",
            "выбери 1, 2, 3, 4", "выбери 1 или 2 или 3 или 4");
    public static final CommandSpec REGENERATE_MESSAGE = spec("REGENERATE_MESSAGE", List.of("бред", "давай"),
            OPTIONAL_VALUE, true,
            REPLY_NEEDED + "Заменяет слова сообщения на известные боту. Можно указать целый коэффициент не меньше 1",
            "бред", "бред 3");
    public static final CommandSpec THINK = spec("THINK",
            List.of("что думаешь про", "расскажи про", "what do you think about", "мнение"), BARE, false,
            "",
            "что думаешь про солнце", "расскажи про солнце", "what do you think about sun");
    public static final CommandSpec FREE_PROMPT = spec("FREE_PROMPT",
            List.of("promt", "промт", "чатгпт", "chatgpt", "промпт", "prompt"), BARE, false,
            "",
            "promt попробуй рассказать сказку", "промт попробуй рассказать историю", "чатгпт напиши мне код",
            "chatgpt посоветуй чего почитать");
    public static final CommandSpec IMAGINE = spec("IMAGINE", List.of("представь", "imagine", "нарисуй", "имаджинируй"),
            BARE, false,
            "Генерация картинки по описанию",
            "представь солнце", "imagine the sun");
    public static final CommandSpec ADD_MORPH_ENTITIES = spec("ADD_MORPH_ENTITIES", List.of("добавь бред"), VALUE_LIST,
            false,
            "Пополнение словаря бреда",
            "добавь бред слово1, слово2, слово3");
    public static final CommandSpec DELETE_MORPH_ENTITY = spec("DELETE_MORPH_ENTITY", List.of("удали бред"),
            OPTIONAL_VALUE, false,
            "Удаление значения из словаря бреда",
            "удали бред слово1");
    public static final CommandSpec SHOW_MORPH_ENTITIES = spec("SHOW_MORPH_ENTITIES", List.of("покажи бред"), BARE,
            false,
            "Список слов словаря бреда",
            "покажи бред");
    public static final CommandSpec MORPH_WORD = spec("MORPH_WORD", List.of("морф", "морфируй"), OPTIONAL_VALUE, false,
            "Склонение слова по всем формам",
            "морфируй слово", "морф слово");
    public static final CommandSpec MORPH_WORD_DEBUG = spec("MORPH_WORD_DEBUG", List.of("морф дебаг", "морфируй дебаг"),
            OPTIONAL_VALUE, false,
            "Склонение слова по всем формам с грамматическими тегами",
            "морфируй дебаг слово", "морф дебаг слово");
    public static final CommandSpec QUOTE = spec("QUOTE", List.of("цитата", "цит"), BARE, false,
            "Получение мудрой цитаты",
            "цитата");
    public static final CommandSpec INSULT = spec("INSULT", List.of("insult"), BARE, false,
            REPLY_NEEDED + "Оскорбление по-английски на автора сообщения из ответа",
            "insult");
    public static final CommandSpec JOKE = spec("JOKE", List.of("анекдот", "шутка", "анек"), BARE, false,
            "Получение анекдота",
            "анекдот");
    public static final CommandSpec ADVICE = spec("ADVICE", List.of("совет"), BARE, false,
            "Получение совета",
            "совет", "совет хорошим людям");


    // What the original's user guide documents and [H] had dropped ([L] spec §4.3, §4.5), after the [H] rows so
    // that their help numbers stay.
    public static final CommandSpec EDIT_REACTION = spec("EDIT_REACTION", List.of("редактирование"), BARE, false,
            "Включает / выключает ответ бота на редактирование сообщений. Ответ берется из фраз, добавленных "
                    + "командой 'добавь ответ на редактирование', а если их нет, из встроенных",
            "редактирование");
    public static final CommandSpec VOICE_REACTION = spec("VOICE_REACTION", List.of("голосовые"), BARE, false,
            "Включает / выключает ответ на голосовые сообщения от секунды и длиннее: бот отвечает одним из "
                    + "голосовых, которые чат ему запомнил",
            "голосовые");
    public static final CommandSpec SPREAD = spec("SPREAD", List.of("распространи в"), BARE, false,
            "[Только в личных сообщениях с ботом] Копирует триггеры и подстроки из личного чата в группу, "
                    + "где вы писали. Группа указывается названием или id",
            "распространи в Моя группа");
    public static final CommandSpec OFFEND = spec("OFFEND", List.of("оскорби"), BARE, false,
            "Случайное оскорбление из добавленных в чат; ответом на сообщение - в адрес его автора",
            "оскорби");
    public static final CommandSpec ADD_PHRASE = spec("ADD_PHRASE",
            List.of("добавь оскорбление", "добавь ответ на редактирование",
                    "добавь оскорбления", "добавь ответы на редактирование"), OPTIONAL_VALUE, false,
            "Добавляет фразу для 'оскорби' или для ответа на редактирование",
            "добавь оскорбление Ты как хлеб без масла", "добавь ответ на редактирование Я все видел!");
    public static final CommandSpec SHOW_PHRASES = spec("SHOW_PHRASES",
            List.of("покажи оскорбления", "покажи ответы на редактирование",
                    "покажи оскорбление", "покажи ответ на редактирование"), BARE, false,
            "Список фраз для 'оскорби' или для ответа на редактирование",
            "покажи оскорбления", "покажи ответы на редактирование");
    public static final CommandSpec DELETE_PHRASE = spec("DELETE_PHRASE",
            List.of("удали оскорбление", "удали ответ на редактирование",
                    "удали оскорбления", "удали ответы на редактирование"), OPTIONAL_VALUE, false,
            "Удаляет фразу для 'оскорби' или для ответа на редактирование",
            "удали оскорбление Ты как хлеб без масла", "удали ответ на редактирование Я все видел!");
    public static final CommandSpec RANDOM = spec("RANDOM", List.of("рандом", "цифры", "цифри"), BARE, false,
            "Случайное число от 0 до 10000",
            "рандом");

    private static final List<CommandSpec> ALL = List.of(
            SHOW, ADD, REMEMBER, REMEMBER_TRIGGER, DELETE, ANSWER_CHANCE, CHECK_ANSWER, SAY, SHOW_KEYS,
            MORPH_ANSWER_CHANCE, STATS, COUPLE, TOP, WHO, CHANNEL, CHANCE, FUTURE_DATE, HOW_MANY, PAST_DATE, HELP,
            CHOOSE_VARIANT, REGENERATE_MESSAGE, THINK, FREE_PROMPT, IMAGINE, ADD_MORPH_ENTITIES, DELETE_MORPH_ENTITY,
            SHOW_MORPH_ENTITIES, MORPH_WORD, MORPH_WORD_DEBUG, QUOTE, INSULT, JOKE, ADVICE,
            EDIT_REACTION, VOICE_REACTION, SPREAD, OFFEND, ADD_PHRASE, SHOW_PHRASES, DELETE_PHRASE, RANDOM);

    private CommandCatalogue() {
    }

    /** The 34 [H] rows, then the rebuilt legacy ones, in declaration order. */
    public static List<CommandSpec> all() {
        return ALL;
    }

    private static CommandSpec spec(String name, List<String> aliases, ArgumentShape shape, boolean replyRequired,
            String description, String... examples) {
        return new CommandSpec(name, aliases, shape, replyRequired, description, List.of(examples));
    }
}
