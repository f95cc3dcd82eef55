package org.breadbot.common.reply;

/** The Bot API method a reply is delivered with, and the parameter that carries its content. */
public enum ReplyMethod {
    SEND_MESSAGE("sendMessage", "text"),
    SEND_PHOTO("sendPhoto", "photo"),
    SEND_VOICE("sendVoice", "voice"),
    SEND_STICKER("sendSticker", "sticker"),
    SEND_ANIMATION("sendAnimation", "animation"),
    SEND_VIDEO("sendVideo", "video"),
    SEND_VIDEO_NOTE("sendVideoNote", "video_note");

    private final String apiName;
    private final String contentParameter;

    ReplyMethod(String apiName, String contentParameter) {
        this.apiName = apiName;
        this.contentParameter = contentParameter;
    }

    /** The method name as the Bot API spells it. */
    public String apiName() {
        return apiName;
    }

    /** The parameter holding the text or the file id. */
    public String contentParameter() {
        return contentParameter;
    }

    /** Photo, voice, animation and video take a caption; sticker and video note do not. */
    public boolean takesCaption() {
        return this == SEND_PHOTO || this == SEND_VOICE || this == SEND_ANIMATION || this == SEND_VIDEO;
    }
}
