package supportbot.channel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import supportbot.desk.AgentDirectory;
import supportbot.desk.DeskService;
import supportbot.dialogue.Messages;
import supportbot.safety.Signer;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Everything a chat connector uses from the rest of the bot; {@code forms} for the ticket forms of a panel. */
public record ConnectorParts(Inbox inbox, Outbox outbox, Store store, GroupCommitter committer, DeskService desk,
                             AgentDirectory agents, Messages messages, Function<String, String> categoryName,
                             Path attachmentsRoot, Clock clock, Signer signer, supportbot.metrics.BotMetrics metrics,
                             SlaVerdict slaVerdict, supportbot.dialogue.CategoryForms forms) {
}
