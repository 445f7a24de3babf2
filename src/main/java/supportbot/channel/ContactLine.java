package supportbot.channel;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import supportbot.dialogue.Contact;
import supportbot.faq.Lang;
import supportbot.dialogue.Messages;
import supportbot.store.StoredConversation;

/**
 * The card's "User: Name (@username, id 123)" line: who the ticket's user is on their platform, as they were at
 * their latest message. Read from the conversation when the card is drawn, so once the user is erased (/forget,
 * retention) the next drawing of the card has no line.
 */
public final class ContactLine {
    private final Messages messages;
    private final Lang staffLang;
    private final Function<String, Optional<Contact>> contacts;
    private final Function<String, java.util.List<String>> linkedChannels;

    public ContactLine(Messages messages, Lang staffLang, Function<String, Optional<Contact>> contactOfConversation) {
        this(messages, staffLang, contactOfConversation, key -> java.util.List.of());
    }

    /** @param linkedChannels the platforms of the other contacts linked to a conversation's user (one person) */
    public ContactLine(Messages messages, Lang staffLang, Function<String, Optional<Contact>> contactOfConversation,
                       Function<String, java.util.List<String>> linkedChannels) {
        this.messages = messages;
        this.staffLang = staffLang;
        this.contacts = contactOfConversation;
        this.linkedChannels = linkedChannels;
    }

    /** The same line, with the person's other platforms from {@code store}. */
    public ContactLine withLinks(supportbot.store.Store store) {
        return new ContactLine(messages, staffLang, contacts, linkedChannels(store));
    }

    /** The channels of the other contacts linked with the conversation's user, in link order, each once. */
    public static Function<String, java.util.List<String>> linkedChannels(supportbot.store.Store store) {
        return key -> store.stored(key).map(StoredConversation::conversation).flatMap(c -> store.contactLink(
                        supportbot.dialogue.ContactKey.of(c.channel(), c.userId(), key)))
                .map(own -> store.personContacts(own.person()).stream().filter(l -> !l.contact().equals(own.contact()))
                        .map(supportbot.store.ContactLink::channel).distinct().toList())
                .orElse(java.util.List.of());
    }

    /**
     * "Same person on: Discord, web chat": the card's hint that the user's other platforms hold more of their
     * history (the web desk's contact panel shows it); empty when nothing is linked.
     */
    public Optional<String> linked(String conversationKey) {
        if (messages == null || conversationKey == null) {
            return Optional.empty();
        }
        var channels = linkedChannels.apply(conversationKey);
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        String sep = staffLang == Lang.ZH ? "、" : ", ";
        String names = String.join(sep, channels.stream().map(ch -> switch (ch) {
            case "telegram", "discord", "web" -> messages.get(staffLang, "platform." + ch);
            default -> ch;
        }).toList());
        return Optional.of(messages.get(staffLang, "staff.card.linked", Map.of("platforms", names)));
    }

    /** Contacts as the store holds them, with each conversation. */
    public static Function<String, Optional<Contact>> stored(supportbot.store.Store store) {
        return key -> store.stored(key).map(StoredConversation::contact);
    }

    /** No line: cards drawn where contacts are not kept (tests of other parts of the card). */
    public static ContactLine none() {
        return new ContactLine(null, Lang.EN, key -> Optional.empty());
    }

    /** The platform id of the ticket's user while the conversation keeps it (a Discord card shows it as a mention). */
    public Optional<String> platformId(String conversationKey) {
        return messages == null || conversationKey == null ? Optional.empty()
                : contacts.apply(conversationKey).map(Contact::platformId);
    }

    /**
     * @param escape makes a user-given value literal on the platform (HTML, Markdown); the template is the
     *               project's own and is not escaped
     */
    public Optional<String> of(String conversationKey, UnaryOperator<String> escape) {
        if (messages == null || conversationKey == null) {
            return Optional.empty();
        }
        return contacts.apply(conversationKey).filter(c -> c.platformId() != null).map(c -> {
            String name = c.name() != null ? c.name() : c.username() != null ? c.username() : "?";
            return c.username() == null
                    ? messages.get(staffLang, "staff.card.user_no_username", Map.of("name", escape.apply(name),
                            "id", escape.apply(c.platformId())))
                    : messages.get(staffLang, "staff.card.user", Map.of("name", escape.apply(name),
                            "username", escape.apply(c.username()), "id", escape.apply(c.platformId())));
        });
    }
}
