package supportbot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import supportbot.channel.ChannelSender;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Button;
import supportbot.dialogue.Inbound;
import supportbot.store.OutboxEntry;

@Command(name = "chat", description = "Talk to the bot in this terminal (same engine and memory as the web chat). "
        + "Type a number to press a button, /attach FILE to send a file, /quit to leave.")
final class ChatCommand implements Callable<Integer> {
    static final String CHANNEL = "cli";

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--user", description = "who you are in the conversation (default: your login name)")
    String user = System.getProperty("user.name", "local");

    private volatile List<Button> lastButtons = List.of();

    @Override
    public Integer call() throws Exception {
        var bootstrap = new FaqBootstrap(options);
        var faq = bootstrap.service(System.err);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (var bot = new BotAssembly(bootstrap.config(), faq, Set.of(CHANNEL), bootstrap.intentEmbedder())) {
            bot.outbox.register(printer(out));
            bot.outbox.deliverPending(); // anything committed but unsent before a crash
            String key = CHANNEL + ":" + user;
            out.println("support-bot chat — type a question or a problem; /quit to leave.");
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while (true) {
                out.print("> ");
                line = in.readLine();
                if (line == null || line.strip().equals("/quit")) {
                    return 0;
                }
                Inbound inbound = toInbound(line.strip(), key, bootstrap.config().dataDir(), out);
                if (inbound == null) {
                    continue;
                }
                bot.inbox.submit(inbound).join();
                bot.outbox.deliverPending();
            }
        }
    }

    private Inbound toInbound(String line, String key, Path dataDir, PrintStream out) throws Exception {
        String id = UUID.randomUUID().toString();
        if (line.matches("\\d{1,2}")) {
            int n = Integer.parseInt(line);
            if (n >= 1 && n <= lastButtons.size()) {
                return Inbound.button(CHANNEL, key, user, lastButtons.get(n - 1).payload(), id, Instant.now());
            }
        }
        if (line.startsWith("/attach ")) {
            Path file = Path.of(line.substring(8).strip());
            if (!Files.isRegularFile(file)) {
                out.println("(no such file: " + file + ")");
                return null;
            }
            Path dir = Files.createDirectories(supportbot.channel.AttachmentFiles.dirFor(dataDir.resolve("attachments"), key));
            Path copy = dir.resolve(UUID.randomUUID() + "-"
                    + supportbot.channel.AttachmentFiles.safeName(file.getFileName().toString()));
            supportbot.crypto.SealedFiles.Written sealed;
            try (var in = Files.newInputStream(file)) {
                sealed = supportbot.crypto.SealedFiles.write(in, copy);
            }
            String type = Files.probeContentType(file);
            return new Inbound(CHANNEL, key, user, "", List.of(new Attachment(copy.toString(),
                    file.getFileName().toString(), type == null ? "application/octet-stream" : type, sealed.size(),
                    sealed.key())), null, id, Instant.now());
        }
        return Inbound.text(CHANNEL, key, user, line, id, Instant.now());
    }

    private ChannelSender printer(PrintStream out) {
        return new ChannelSender() {
            @Override
            public String channel() {
                return CHANNEL;
            }

            @Override
            public void send(OutboxEntry entry, PartsProgress progress) {
                out.println();
                out.println(entry.text());
                for (int i = 0; i < entry.buttons().size(); i++) {
                    out.printf("  [%d] %s%n", i + 1, entry.buttons().get(i).label());
                }
                if (!entry.buttons().isEmpty()) {
                    lastButtons = entry.buttons();
                }
            }
        };
    }
}
