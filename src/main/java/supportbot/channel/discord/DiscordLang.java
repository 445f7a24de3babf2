package supportbot.channel.discord;

import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import supportbot.faq.Lang;

/** The language to answer an interaction in before any conversation says otherwise: the client's own. */
final class DiscordLang {
    private DiscordLang() {
    }

    static Lang of(Interaction interaction) {
        DiscordLocale locale = interaction.getUserLocale();
        return locale != null && locale.getLocale().startsWith("zh") ? Lang.ZH : Lang.EN;
    }
}
