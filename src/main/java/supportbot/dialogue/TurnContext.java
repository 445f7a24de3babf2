package supportbot.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import supportbot.faq.Lang;

/** One turn in progress: the conversation being edited, the inbound being handled, and the actions so far. */
final class TurnContext {
    final Conversation.Builder c;
    final Inbound in;
    private final Messages messages;
    private final List<Action> actions = new ArrayList<>();

    TurnContext(Conversation.Builder c, Inbound in, Messages messages) {
        this.c = c;
        this.in = in;
        this.messages = messages;
    }

    Lang lang() {
        return c.lang;
    }

    String text(String key, Map<String, ?> args) {
        return messages.get(c.lang, key, args);
    }

    String text(String key) {
        return messages.get(c.lang, key);
    }

    Button button(String labelKey, String payload) {
        return new Button(text(labelKey), payload);
    }

    void say(String text, List<Button> buttons) {
        actions.add(new Action.Reply(c.channel, c.key, text, buttons));
    }

    void say(String text) {
        say(text, List.of());
    }

    void sayKey(String key, Map<String, ?> args, List<Button> buttons) {
        say(text(key, args), buttons);
    }

    void sayKey(String key) {
        say(text(key), List.of());
    }

    void act(Action action) {
        actions.add(action);
    }

    List<Action> actions() {
        return actions;
    }
}
