package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Category;
import supportbot.faq.Lang;

class StaffCategoryNameTest {
    @Test
    void bothNamesWhenTheyDifferOneWhenTheyDoNot() {
        assertEquals("Wallet / 钱包", BotAssembly.staffCategoryName(category(Map.of(Lang.EN, "Wallet", Lang.ZH, "钱包"))));
        assertEquals("KYC", BotAssembly.staffCategoryName(category(Map.of(Lang.EN, "KYC", Lang.ZH, "KYC"))));
        assertEquals("钱包", BotAssembly.staffCategoryName(category(Map.of(Lang.ZH, "钱包"))));
    }

    private static Category category(Map<Lang, String> names) {
        return new Category("wallet", names, 3, false, Map.of(), List.of(), List.of(), List.of());
    }
}
