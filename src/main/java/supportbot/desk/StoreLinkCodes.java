package supportbot.desk;

import java.util.Optional;
import supportbot.dialogue.LinkCodes;
import supportbot.store.ContactLink;
import supportbot.store.Store;

/** The engine's view of /link codes and of who is linked, from the store. */
public final class StoreLinkCodes implements LinkCodes {
    private final Store store;

    public StoreLinkCodes(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Pending> find(String code) {
        return store.linkCode(code).map(c -> new Pending(c.contact(), c.channel(), c.expiresAt()));
    }

    @Override
    public boolean samePerson(String contactA, String contactB) {
        Optional<String> a = store.contactLink(contactA).map(ContactLink::person);
        return a.isPresent() && a.equals(store.contactLink(contactB).map(ContactLink::person));
    }
}
