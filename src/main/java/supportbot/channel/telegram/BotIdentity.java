package supportbot.channel.telegram;

/** Who the bot is on Telegram (from getMe): needed to see mentions and replies to it in groups. */
record BotIdentity(long id, String username) {
    String privateChatLink() {
        return "https://t.me/" + username + "?start=private";
    }
}
