package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import supportbot.channel.discord.DiscordConnector;
import supportbot.channel.telegram.BotApi;
import supportbot.dialogue.BotCommand;
import supportbot.dialogue.Messages;
import supportbot.faq.Lang;

/** The engine's user commands, the Telegram menu and Discord's slash commands are one list. */
class CommandMenusTest {
    private static final Messages MESSAGES = Messages.load(Path.of("config", "messages"));

    private static List<String> engineCommands() {
        return Arrays.stream(BotCommand.values()).filter(c -> c.audience() == BotCommand.Audience.USER)
                .filter(c -> BotCommand.parseUser("/" + c.command()).isPresent())
                .map(BotCommand::command).sorted().toList();
    }

    @Test
    void telegramMenuInBothLanguagesHasExactlyTheEngineCommands() {
        for (Lang lang : Lang.values()) {
            var menu = BotApi.menu(MESSAGES, lang).stream().map(c -> c.getCommand()).sorted().toList();
            assertEquals(engineCommands(), menu, lang.code());
        }
        assertTrue(engineCommands().contains("tz"), "/tz was missing from the menus");
    }

    @Test
    void discordSlashCommandsAreExactlyTheEngineCommandsWithTheirArguments() {
        var slash = DiscordConnector.slashCommands(MESSAGES);
        assertEquals(engineCommands(), slash.stream().map(c -> c.getName()).sorted().toList());
        for (var data : slash) {
            BotCommand c = BotCommand.parseUser("/" + data.getName()).orElseThrow().command();
            assertEquals(c.argument().map(List::of).orElse(List.of()),
                    data.getOptions().stream().map(o -> o.getName()).toList(), data.getName());
            assertTrue(data.getDescriptionLocalizations().toMap().values().stream()
                    .anyMatch(d -> d.equals(MESSAGES.get(Lang.ZH, c.descriptionKey()))), "Chinese description of " + c);
        }
    }
}
