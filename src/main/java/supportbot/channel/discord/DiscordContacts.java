package supportbot.channel.discord;

import net.dv8tion.jda.api.entities.User;
import supportbot.dialogue.Contact;

/** Who a Discord user is, for the staff card: the global (display) name, the username and the id. */
final class DiscordContacts {
    private DiscordContacts() {
    }

    static Contact of(User u) {
        return new Contact(u.getGlobalName(), u.getName(), u.getId());
    }
}
