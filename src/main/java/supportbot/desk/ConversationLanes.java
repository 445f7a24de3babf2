package supportbot.desk;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import supportbot.dialogue.DeskEvent;
import supportbot.store.Store;

/**
 * The port through which the desk tells a user about a change to their ticket. The desk defines it and the inbox
 * (in {@code channel}) implements it, so the desk depends on no connector code.
 */
public interface ConversationLanes {
    /**
     * Runs {@code event} in its conversation's lane, after the turns before it: the engine tells the user and
     * {@code ticketChange} is committed together with that. The future fails with the {@link DeskException} that
     * {@code ticketChange} threw, if it refused.
     */
    CompletableFuture<?> submit(DeskEvent event, Consumer<Store.Tx> ticketChange);
}
