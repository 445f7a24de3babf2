package supportbot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering (docs/design.md, "Layering"), checked on the compiled main classes. Each rule names why;
 * a new dependency that breaks one must change the design, not this test.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("supportbot");
        // An empty import would pass every rule: make sure the main classes are the ones looked at.
        assertTrue(main.contain(supportbot.cli.Main.class), "main classes imported");
    }

    @Test
    void packagesFormNoCycle() {
        ArchRule rule = slices().matching("supportbot.(*)..").should().beFreeOfCycles()
                .because("each capability builds on lower ones only, so any of them can be changed or tested alone");
        rule.check(main);
    }

    @Test
    void dialogueKnowsNoConnectorStoreOrDesk() {
        ArchRule rule = noClasses().that().resideInAPackage("supportbot.dialogue..")
                .should().dependOnClassesThat().resideInAnyPackage("supportbot.channel..", "supportbot.desk..",
                        "supportbot.store..", "supportbot.web..", "supportbot.cli..", "supportbot.safety..",
                        "supportbot.search..", "supportbot.ticket..")
                .because("the dialogue engine turns a conversation and an input into a turn, and nothing more");
        rule.check(main);
    }

    @Test
    void connectorsKnowNoLucene() {
        ArchRule rule = noClasses().that().resideInAPackage("supportbot.channel..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .because("connectors reach the FAQ through the dialogue engine and the faq package");
        rule.check(main);
    }

    @Test
    void connectorsAreIndependent() {
        ArchRule rule = slices().matching("supportbot.channel.(*)..")
                .should().notDependOnEachOther()
                .because("Telegram, Discord and the web chat share only the channel package");
        rule.check(main);
    }

    @Test
    void deskKnowsNoConnector() {
        ArchRule rule = noClasses().that().resideInAPackage("supportbot.desk..")
                .should().dependOnClassesThat().resideInAnyPackage("supportbot.channel..", "supportbot.web..",
                        "supportbot.cli..")
                .because("the desk tells users through the ConversationLanes port, which the inbox implements");
        rule.check(main);
    }

    @Test
    void storeKnowsNoRules() {
        ArchRule rule = noClasses().that().resideInAPackage("supportbot.store..")
                .should().dependOnClassesThat().resideInAnyPackage("supportbot.desk..", "supportbot.channel..",
                        "supportbot.web..", "supportbot.cli..", "supportbot.safety..", "supportbot.search..")
                .because("the store keeps data; the rules about it live above it");
        rule.check(main);
    }

    @Test
    void ticketModelIsData() {
        ArchRule rule = noClasses().that().resideInAPackage("supportbot.ticket..")
                .should().dependOnClassesThat().resideInAnyPackage("supportbot.desk..", "supportbot.store..",
                        "supportbot.channel..", "supportbot.web..", "supportbot.cli..")
                .because("the ticket model sits below both the store that keeps it and the desk that changes it");
        rule.check(main);
    }

    @Test
    void configKnowsNoCapability() {
        ArchRule rule = noClasses().that().resideInAPackage("supportbot.config..")
                .should().dependOnClassesThat().resideInAnyPackage("supportbot.desk..", "supportbot.safety..",
                        "supportbot.channel..", "supportbot.dialogue..", "supportbot.store..", "supportbot.web..",
                        "supportbot.cli..")
                .because("every capability reads its settings from config, so config builds none of their objects");
        rule.check(main);
    }

    @Test
    void onlyTheAssemblyUsesTheAssembly() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("supportbot.cli..")
                .should().dependOnClassesThat().resideInAPackage("supportbot.cli..")
                .because("cli wires everything together and nothing depends on the wiring");
        rule.check(main);
    }
}
