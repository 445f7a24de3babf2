package supportbot.faq;

import supportbot.config.ConfigLoader;

final class TestSettings {
    private TestSettings() {
    }

    /** The search settings the jar ships with (default-config.yaml). */
    static SearchSettings shipped() {
        return new ConfigLoader().defaults().searchSettings();
    }
}
