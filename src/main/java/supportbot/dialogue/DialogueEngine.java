package supportbot.dialogue;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.dialogue.details.Corrections;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.FaqEntry;
import supportbot.faq.Lang;

/**
 * The conversation brain: a plain object that turns the current state and one {@link Inbound} into the next
 * state and a list of {@link Action}s. No threads, no I/O of its own, no connector types; time comes from the
 * injected clock, so a whole conversation can be replayed in a unit test.
 */
public final class DialogueEngine {
    private static final Logger log = LoggerFactory.getLogger(DialogueEngine.class);
    private static final int RECENT_TEXTS = 3;
    /** Not a callback: connectors render it as a link to a private chat with the bot. */
    public static final String PRIVATE_CHAT_PAYLOAD = "open-private-chat";

    private final DialogueData data;
    private final FaqLookup faq;
    private final TicketDirectory tickets;
    private final Clock clock;
    private final Lang defaultLang;
    private final DetailCollector collector;
    private final FaqAnswers faqAnswers;
    private final RatingFlow rating;
    private final StaffDirectory staff;
    private final ComplaintReader complaints;
    private final LinkFlow linking;

    public DialogueEngine(DialogueData data, FaqLookup faq, DetailParsers parsers, TicketDirectory tickets, Clock clock,
                          Lang defaultLang) {
        this(data, faq, parsers, tickets, clock, defaultLang, StaffDirectory.NONE);
    }

    public DialogueEngine(DialogueData data, FaqLookup faq, DetailParsers parsers, TicketDirectory tickets, Clock clock,
                          Lang defaultLang, StaffDirectory staff) {
        this(data, faq, parsers, tickets, clock, defaultLang, staff, LinkCodes.NONE);
    }

    /** @param linkCodes where /link codes are kept and looked up */
    public DialogueEngine(DialogueData data, FaqLookup faq, DetailParsers parsers, TicketDirectory tickets, Clock clock,
                          Lang defaultLang, StaffDirectory staff, LinkCodes linkCodes) {
        this.linking = new LinkFlow(linkCodes);
        this.staff = staff;
        this.complaints = new ComplaintReader(staff);
        this.data = data;
        this.faq = faq;
        this.tickets = tickets;
        this.clock = clock;
        this.defaultLang = defaultLang;
        this.collector = new DetailCollector(data, parsers, this::openTicket);
        this.faqAnswers = new FaqAnswers(faq);
        this.rating = new RatingFlow();
    }

    public Turn handle(Conversation current, Inbound in) {
        Conversation base = current != null ? current
                : Conversation.start(in, LanguagePolicy.initial(in.text(), defaultLang), data.details().defaultZone().getId());
        var t = new TurnContext(base.edit(), in, data.messages());
        t.c.turns++;
        t.c.updatedAt = in.time() != null ? in.time() : clock.instant();
        if (base.phase() != Phase.WITH_TICKET && base.phase() != Phase.AGENT_ASKED) {
            // Files sent while reporting travel with the ticket; once it is open they go as ticket messages.
            t.c.attachments.addAll(in.attachments());
        }
        if (in.isButton()) {
            Optional<ButtonPayload> payload = ButtonPayload.parse(in.button());
            if (payload.isEmpty()) {
                log.warn("refused unknown button payload on {} (length {})", in.conversationKey(), in.button().length());
                var refusal = new TurnContext(base.edit(), in, data.messages());
                refusal.sayKey("button.unknown");
                return new Turn(base, refusal.actions());
            }
            onButton(t, payload.get());
        } else {
            onText(t);
        }
        Turn turn = new Turn(t.c.build(), t.actions());
        return in.publicPlace() && needsPrivacy(turn) ? movePrivate(base, in) : turn;
    }

    /**
     * A form filled in for a category (a Discord panel's modal), its answers already read by {@link CategoryForms}:
     * with every required detail the ticket opens at once, as after a confirmed summary (the form was the user's
     * own summary); otherwise the chat asks for the rest. A user who already has a ticket is told which.
     */
    public Turn handleForm(Conversation current, Inbound in, Category category, Lang lang,
                           Map<DetailType, supportbot.dialogue.details.DetailValue> details) {
        Conversation base = current != null ? current
                : Conversation.start(in, lang, data.details().defaultZone().getId());
        var t = new TurnContext(base.edit(), in, data.messages());
        t.c.turns++;
        t.c.updatedAt = in.time() != null ? in.time() : clock.instant();
        if (!t.c.langLocked) {
            t.c.lang = lang;
        }
        if (t.c.phase == Phase.WITH_TICKET || t.c.phase == Phase.AGENT_ASKED) {
            t.say(statusText(t));
            return new Turn(t.c.build(), t.actions());
        }
        t.c.resetFlow();
        t.c.categoryId = category.id();
        t.c.details.putAll(details);
        if (category.required().stream().allMatch(t.c.details::containsKey)) {
            category.optional().stream().filter(d -> !t.c.details.containsKey(d)).forEach(t.c.skipped::add);
            openTicket(t, category.id().equals("complaint") ? "complaint" : "confirmed");
        } else {
            collector.askNext(t, t.text("problem.start", Map.of("category", category.name(t.lang()))));
        }
        return new Turn(t.c.build(), t.actions());
    }

    /** A report, or phases that ask for or carry personal details: a group or public channel must not see them. */
    private static boolean needsPrivacy(Turn turn) {
        return turn.conversation().categoryId() != null || switch (turn.conversation().phase()) {
            case COLLECTING, CONFIRMING, CHOOSING_EDIT, WITH_TICKET, AGENT_ASKED, RATING -> true;
            default -> turn.actions().stream().anyMatch(a -> a instanceof Action.OpenTicket || a instanceof Action.Forget);
        };
    }

    /**
     * In public the bot only answers questions; a report continues in a private chat. The group state stays as
     * it was, and the "private" button becomes a link to the private chat in the connector.
     */
    private Turn movePrivate(Conversation before, Inbound in) {
        var t = new TurnContext(before.edit(), in, data.messages());
        t.c.resetFlow();
        t.c.updatedAt = in.time();
        t.say(t.text("privacy.go_private"), List.of(t.button("privacy.button.open", PRIVATE_CHAT_PAYLOAD)));
        return new Turn(t.c.build(), t.actions());
    }

    /** The desk acted on the user's ticket: relay an agent's words, or tell the user what changed. */
    public Turn handleDesk(Conversation current, DeskEvent event) {
        Conversation base = current != null ? current : new Conversation(event.conversationKey(), event.channel(), null,
                defaultLang, false, data.details().defaultZone().getId(), Phase.WITH_TICKET, null, Map.of(), java.util.Set.of(),
                null, false, List.of(), null, List.of(), List.of(), event.ticketNumber(), event.time(), 0, null);
        var t = new TurnContext(base.edit(), null, data.messages());
        t.c.updatedAt = event.time();
        var args = Map.of("number", event.ticketNumber());
        switch (event.kind()) {
            case AGENT_REPLY -> t.act(new Action.AgentMessage(t.c.channel, t.c.key, agentLabel(t.c.key, event.agent(), t.c.lang),
                    event.text(), event.attachments()));
            case RESOLVED -> {
                if (Long.valueOf(event.ticketNumber()).equals(t.c.ticketNumber) && t.c.phase == Phase.WITH_TICKET) {
                    rating.start(t, event.ticketNumber());
                } else {
                    t.sayKey("ticket.resolved", args, List.of());
                }
            }
            case REOPENED -> {
                t.c.resetFlow();
                t.c.phase = Phase.WITH_TICKET;
                t.c.ticketNumber = event.ticketNumber();
                t.sayKey("ticket.reopened", args, List.of());
            }
            case ESCALATED -> t.sayKey("ticket.escalated", args, List.of());
            case SLA_BREACH -> t.say(t.text("ticket.sla_breach", args) + queueNote(t, event.queue()));
            case FOLLOW_UP -> t.say(t.text("ticket.follow_up", args) + queueNote(t, event.queue()));
            case REMINDER -> t.sayKey("ticket.reminder", args, List.of());
            case AUTO_CLOSED -> t.sayKey("ticket.auto_closed", args, List.of());
            case ASK_DETAIL -> DetailType.fromKey(event.text()).ifPresent(type -> {
                t.c.phase = Phase.AGENT_ASKED;
                t.c.ticketNumber = event.ticketNumber();
                t.c.awaiting = type;
                t.say(t.text("ticket.agent_asks", args) + "\n\n" + t.text("ask." + type.key()));
            });
            case MERGED -> {
                // Whatever the user writes about the duplicate from now on belongs on the kept ticket.
                if (t.c.ticketNumber != null && event.text().equals(String.valueOf(t.c.ticketNumber))) {
                    t.c.ticketNumber = event.ticketNumber();
                }
                t.sayKey("ticket.merged", Map.of("from", event.text(), "number", event.ticketNumber()), List.of());
            }
        }
        return new Turn(t.c.build(), t.actions());
    }

    /** "alice (K7QX2M)": the code, this conversation's own, lets the user check with /verify that a reply is real. */
    private String agentLabel(String conversationKey, String name, supportbot.faq.Lang lang) {
        return staff.lookup(conversationKey, name).map(v -> staff.shownName(v.name(), lang) + " (" + v.code() + ")")
                .orElse(staff.shownName(name, lang));
    }

    private void verify(TurnContext t, String query) {
        if (query.isBlank()) {
            t.sayKey("verify.usage");
            return;
        }
        String q = query.strip().replaceFirst("^@", "");
        Optional<StaffDirectory.Verified> found = staff.lookup(t.c.key, q);
        if (found.isEmpty()) {
            t.sayKey("verify.unknown", Map.of("query", q.length() > 40 ? q.substring(0, 40) + "…" : q), List.of());
        } else if (found.get().code().equalsIgnoreCase(q)) {
            String shown = staff.shownName(found.get().name(), t.c.lang);
            // Under the team's name the code says "one of us", not which of us.
            t.sayKey(shown.equals(found.get().name()) ? "verify.code_ok" : "verify.code_ok_team",
                    Map.of("code", found.get().code(), "name", shown), List.of());
        } else {
            t.sayKey("verify.name_ok", Map.of("code", found.get().code(), "name", found.get().name()), List.of());
        }
    }

    private void onText(TurnContext t) {
        // Invisible-only text (NBSP, zero-width space, BOM, NUL) is an empty message, not one to search for.
        String text = supportbot.text.TextNormalizer.isBlank(t.in.text()) ? "" : t.in.text().strip();
        if (text.isEmpty() && t.in.attachments().isEmpty()) {
            t.sayKey("empty");
            return;
        }
        if (!t.c.langLocked) {
            LanguagePolicy.signal(text).ifPresent(l -> t.c.lang = l);
        }
        if (text.startsWith("/") && onCommand(t, text)) {
            return;
        }
        if (data.intents().matches(Intent.RESTART, text) && t.c.phase != Phase.WITH_TICKET && t.c.phase != Phase.AGENT_ASKED) {
            t.c.resetFlow();
            faqAnswers.offerHelp(t, "restart.done");
            return;
        }
        // While a detail or the desk is waiting, most messages are the answer: only the high-precision rules may
        // read them as something else, and no embedding is spent on "iPhone 15" or "yesterday 3pm".
        Optional<Intent> intent = (answering(t.c.phase) ? data.intents().readByRules(text) : data.intents().read(text))
                .filter(match -> !smallTalkGuessForAQuestion(match, text) && !statusGuessForAQuestion(t, match, text))
                .map(IntentMatch::intent);
        if (intent.isEmpty() && (t.c.phase == Phase.COLLECTING || t.c.phase == Phase.CONFIRMING)
                && !collector.answers(t, text)) {
            // Not the detail we asked for: now it is worth the embedding to hear "算了 human please" or
            // "forget it, cancel" that no rule spells out. Topics (a question, another problem) are handled below.
            intent = data.intents().read(text).map(IntentMatch::intent).filter(i -> !i.topic() && i != Intent.CORRECTION);
        }
        if (intent.isPresent() && !intent.get().topic() && onIntent(t, intent.get(), text)) {
            return;
        }
        remember(t, text);
        switch (t.c.phase) {
            case WITH_TICKET -> appendToTicket(t, text, intent.orElse(null) == Intent.CORRECTION);
            case AGENT_ASKED -> collector.forTicket(t, text);
            case COLLECTING, CONFIRMING, CHOOSING_EDIT -> {
                if (t.c.phase != Phase.CHOOSING_EDIT && intent.orElse(null) != Intent.CORRECTION && interrupted(t, text)) {
                    return;
                }
                if (t.c.phase == Phase.COLLECTING && collector.category(t).urgent()) {
                    collector.onUrgentAnswer(t, text);
                } else {
                    collector.onMessage(t, text, intent.orElse(null) == Intent.CORRECTION);
                }
            }
            case RATING -> {
                if (!rating.onText(t, text)) {
                    rating.abandon(t);
                    newTopic(t, text, data.intents().classify(text).orElse(null));
                }
            }
            case FAQ_OFFERED -> {
                if (t.c.categoryId != null && correctsReport(t, text, intent.orElse(null) == Intent.CORRECTION)) {
                    return;
                }
                if (t.c.categoryId != null && data.categories().reportedIn(text).isEmpty()) {
                    continueReport(t, text);
                } else {
                    newTopic(t, text, intent.orElse(null));
                }
            }
            default -> newTopic(t, text, intent.orElse(null));
        }
    }

    /**
     * An FAQ answer was offered beside a report and the user corrects a detail of it instead of replying: the
     * correction changes that detail (read again from scratch, the first value would win) and collection goes on.
     */
    private boolean correctsReport(TurnContext t, String text, boolean correctionIntent) {
        if (!correctionIntent && !Corrections.isCorrection(text) || collector.changes(t, text).isEmpty()) {
            return false;
        }
        t.c.offeredFaqId = null;
        t.c.phase = Phase.COLLECTING;
        t.c.awaiting = null;
        return collector.applyCorrection(t, text);
    }

    /**
     * "客服几点上班" sits near "客服在吗" among the examples, but it asks something: small talk guessed from the
     * examples (a rule would have been explicit) must not swallow a question.
     */
    private boolean smallTalkGuessForAQuestion(IntentMatch match, String text) {
        boolean smallTalk = match.intent() == Intent.GREETING || match.intent() == Intent.THANKS
                || match.intent() == Intent.GOODBYE;
        return smallTalk && !match.byRule() && data.intents().question(text);
    }

    /**
     * "how long do you guys usually take to reply" sits near "how long until someone replies" among the status
     * examples; with no ticket to report on, a question guessed as status is a question for the FAQ.
     */
    private boolean statusGuessForAQuestion(TurnContext t, IntentMatch match, String text) {
        return match.intent() == Intent.STATUS && !match.byRule() && t.c.ticketNumber == null
                && data.intents().question(text);
    }

    private static boolean answering(Phase phase) {
        return switch (phase) {
            case COLLECTING, CONFIRMING, CHOOSING_EDIT, AGENT_ASKED, WITH_TICKET, RATING -> true;
            default -> false;
        };
    }

    /**
     * While a detail is pending, a message that is not an answer may be a question (answered from the FAQ, then
     * the pending question again) or a different problem (the user chooses whether to switch). Corrections were
     * tried before; anything else goes on to the collector, which gives the detail's own hint.
     */
    private boolean interrupted(TurnContext t, String text) {
        boolean question = data.intents().question(text);
        if (text.isEmpty()) {
            return false;
        }
        // Any text is a description, so while it is asked for, a question about another topic is answered first
        // ("順便問一下 怎麼備份助記詞"); one about this very problem ("why does it keep crashing?") describes it.
        if (question && t.c.awaiting == DetailType.DESCRIPTION && answeredAside(t, text, true)) {
            return true;
        }
        Optional<Category> other = data.categories().reportedIn(text);
        Category current = collector.category(t);
        if (other.isPresent() && other.get().urgent() && !current.urgent()) {
            // Stolen funds outrank whatever we were collecting, even a message that would also answer the pending
            // question ("等下 我刚发现钱包里剩下的币被人转走了" is no description of a late deposit): no "switch?"
            // question while the thief moves on.
            startReport(t, other.get(), text, true);
            return true;
        }
        boolean different = other.isPresent() && !other.get().id().equals(current.id())
                && !other.get().id().equals(Categories.OTHER);
        // "还有个事 我昨天转usdt也转不出去" holds a day, but it is not the day of this problem: a second problem said
        // as one (cues.another), not asked in passing, is offered as a switch before any of it is read as the
        // pending detail.
        if (different && !question && data.intents().anotherProblem(text) && !Corrections.isCorrection(text)) {
            offerSwitch(t, current, other.get());
            return true;
        }
        if (collector.answers(t, text) || collector.corrects(t, text, question)) {
            return false;
        }
        if (question && answeredAside(t, text, false)) {
            return true;
        }
        if (different) {
            offerSwitch(t, current, other.get());
            return true;
        }
        return question && faqAnswers.suggestAside(t, text, () -> collector.reask(t, null));
    }

    private void offerSwitch(TurnContext t, Category current, Category other) {
        t.say(t.text("problem.switch", Map.of("current", current.name(t.lang()), "other", other.name(t.lang()))),
                List.of(new Button(t.text("problem.switch.yes", Map.of("other", other.name(t.lang()))), "cat:" + other.id()),
                        new Button(t.text("problem.switch.no", Map.of("current", current.name(t.lang()))), "cat:" + current.id())));
    }

    /** A question asked in passing, answered from the FAQ when it is sure; then the pending question again. */
    private boolean answeredAside(TurnContext t, String text, boolean otherTopicOnly) {
        var result = faq.search(text);
        if (result.decision() != supportbot.faq.Decision.ANSWER) {
            return false;
        }
        FaqEntry entry = result.candidates().get(0).entry();
        if (otherTopicOnly && collector.category(t).faqTopics().contains(entry.id())) {
            return false;
        }
        t.c.faqTried.add(entry.id());
        collector.reask(t, entry.preferring(t.lang()).answer() + "\n\n" + t.text("detail.back"));
        return true;
    }

    private void remember(TurnContext t, String text) {
        if (text.isEmpty()) {
            return;
        }
        t.c.recentTexts.add(text);
        while (t.c.recentTexts.size() > RECENT_TEXTS) {
            t.c.recentTexts.remove(0);
        }
    }

    private boolean onCommand(TurnContext t, String text) {
        Optional<BotCommand.Invocation> invocation = BotCommand.parseUser(text);
        if (invocation.isEmpty()) {
            return false;
        }
        String arg = invocation.get().argument();
        // A switch expression, so a command added to the registry does not compile until it is handled here.
        Runnable handler = switch (invocation.get().command()) {
            case START -> () -> greet(t);
            case HELP -> () -> t.sayKey("help");
            case STATUS -> () -> status(t);
            case CANCEL -> () -> cancel(t);
            case HUMAN -> () -> human(t);
            case FORGET -> () -> t.say(t.text("forget.confirm"), List.of(t.button("forget.button.yes", "forget:yes"),
                    t.button("forget.button.no", "forget:no")));
            case LANG -> () -> {
                Optional<Lang> lang = Lang.parse(arg);
                if (lang.isEmpty()) {
                    t.sayKey("help");
                } else {
                    switchLanguage(t, lang.get());
                }
            };
            case TZ -> () -> setZone(t, arg);
            case VERIFY -> () -> verify(t, arg);
            case EXPORT -> () -> t.act(new Action.Export(t.c.channel, t.c.key, t.text("export.caption")));
            case TRANSCRIPT -> () -> transcript(t);
            case LINK -> () -> linking.handle(t, arg, t.c.updatedAt);
            case CLAIM, NOTE, SAVED_REPLY, ASK, TRANSFER, RESOLVE, REOPEN, ESCALATE, BAN, UNBAN ->
                    throw new IllegalStateException("parseUser returned staff command " + invocation.get());
        };
        handler.run();
        return true;
    }

    private boolean onIntent(TurnContext t, Intent intent, String text) {
        switch (intent) {
            case CANCEL -> cancel(t);
            case SOLVED -> {
                if (t.c.phase == Phase.WITH_TICKET || t.c.phase == Phase.AGENT_ASKED || t.c.phase == Phase.RATING) {
                    return false; // an open ticket: the agent reads it and closes the ticket; a rating goes on
                }
                solved(t);
            }
            case SUPERVISOR -> supervisor(t);
            case HUMAN -> human(t);
            case STATUS -> status(t);
            case HELP -> t.sayKey("help");
            case LANG_ZH -> switchLanguage(t, Lang.ZH);
            case LANG_EN -> switchLanguage(t, Lang.EN);
            case GREETING -> {
                if (t.c.phase == Phase.COLLECTING) {
                    collector.reask(t, null);
                } else {
                    greet(t);
                }
            }
            case THANKS -> {
                if (t.c.phase == Phase.FAQ_OFFERED && t.c.offeredFaqId != null) {
                    t.act(new Action.FaqVote(t.c.offeredFaqId, true));
                    t.c.resetFlow();
                }
                t.sayKey("thanks");
            }
            case GOODBYE -> {
                if (t.c.phase == Phase.FAQ_OFFERED && t.c.offeredFaqId != null) {
                    t.c.resetFlow();
                }
                t.sayKey("goodbye");
            }
            case RESTART -> {
                if (t.c.phase == Phase.WITH_TICKET) {
                    return false; // the ticket stays open; the words go to the agent
                }
                t.c.resetFlow();
                t.sayKey("restart.done");
            }
            case CORRECTION -> {
                return false; // only meaningful while collecting; handled there with the rest of the message
            }
            default -> {
                return false; // topic intents steer newTopic
            }
        }
        return true;
    }

    /**
     * A message that opens a topic. Theft and scams go to the urgent path whatever else matches; a message that
     * tells what happened to the user starts the report (an FAQ answer may go beside it, never instead); a
     * question gets the FAQ; what support cannot help with is said so. Without a topic intent the category
     * keywords decide, as they always did.
     */
    private void newTopic(TurnContext t, String text, Intent guessed) {
        if (text.isEmpty()) {
            // Attachments with no words: keep them as the screenshot and ask what the problem is.
            startChooseCategory(t);
            return;
        }
        Optional<Category> reported = data.categories().reportedIn(text);
        // Close to a theft example in meaning ("locked out of my wallet", "客服会跟我要助记词吗") but nothing was
        // taken or given away: not the urgent path; the category words and the report signals decide.
        Intent intent = guessed == Intent.URGENT && !ReportSignals.theft(text) ? null : guessed;
        Optional<Category> urgent = reported.filter(Category::urgent)
                .or(() -> intent == Intent.URGENT ? firstUrgent() : Optional.empty());
        if (urgent.isPresent()) {
            startReport(t, urgent.get(), text, true);
            return;
        }
        if (intent == Intent.COMPLAINT) {
            startReport(t, data.categories().get("complaint").orElse(data.categories().other()), text, true);
            return;
        }
        // The user's own story outweighs a question's form: "sent it yesterday, why is it not here?" is a report.
        boolean tellsWhatHappened = intent == Intent.REPORT || (intent != Intent.OUT_OF_SCOPE && ReportSignals.in(text));
        if (tellsWhatHappened && reported.isEmpty()) {
            // Word forms the keywords lack ("send keeps failing") still find the FAQ topic the category offers.
            reported = faqAnswers.topicFor(text).flatMap(topic -> data.categories().offering(topic));
        }
        if (tellsWhatHappened && reported.isPresent()) {
            startReport(t, reported.get(), text, true);
        } else if (intent == Intent.REPORT) {
            remember(t, text);
            startChooseCategory(t);
        } else if (intent == Intent.OUT_OF_SCOPE) {
            faqAnswers.outOfScope(t);
        } else if (reported.isPresent() && (intent != Intent.QUESTION || wish(reported.get(), text))) {
            startReport(t, reported.get(), text, false);
        } else {
            faqAnswers.answerQuestion(t, text);
        }
    }

    /**
     * A wish for the product ("please add face id for every transfer", "希望以后能支持夜间模式") reads like a
     * question to the examples, but it asks nothing: it is feedback unless it is worded as a question.
     */
    private boolean wish(Category category, String text) {
        return category.id().equals("feedback") && !data.intents().question(text);
    }

    private Optional<Category> firstUrgent() {
        return data.categories().all().stream().filter(Category::urgent).findFirst();
    }

    /**
     * Mid-report, the user wrote instead of pressing "solved" / "still need help": they are still on their
     * problem, so whatever details the message holds are kept and collection goes on.
     */
    private void continueReport(TurnContext t, String text) {
        t.c.offeredFaqId = null;
        collector.prefill(t, text);
        collector.askNext(t, prefilledNote(t));
    }

    private void startChooseCategory(TurnContext t) {
        t.c.resetFlow();
        t.c.attachments.addAll(t.in.attachments());
        if (!t.in.attachments().isEmpty()) {
            t.c.details.put(DetailType.SCREENSHOT, DetailCollector.screenshot(t));
        }
        var buttons = new ArrayList<Button>();
        for (Category c : data.categories().all()) {
            buttons.add(new Button(c.name(t.lang()), "cat:" + c.id()));
        }
        t.say(t.text("problem.choose_category"), buttons);
    }

    /** @param toldWhatHappened the user reported a problem of their own: an FAQ answer only goes beside the report */
    private void startReport(TurnContext t, Category category, String text, boolean toldWhatHappened) {
        var keptScreenshot = t.c.details.get(DetailType.SCREENSHOT);
        var keptAttachments = List.copyOf(t.c.attachments);
        t.c.resetFlow();
        if (keptScreenshot != null || !t.in.attachments().isEmpty()) {
            t.c.attachments.addAll(keptAttachments);
        }
        t.c.categoryId = category.id();
        if (keptScreenshot != null) {
            t.c.details.put(DetailType.SCREENSHOT, keptScreenshot);
        }
        if (!t.in.attachments().isEmpty()) {
            t.c.details.put(DetailType.SCREENSHOT, DetailCollector.screenshot(t));
        }
        collector.prefill(t, text);
        if (toldWhatHappened && !category.urgent() && category.required().stream().allMatch(t.c.details::containsKey)) {
            // Everything needed was given up front: the summary comes next; optional details stay addable from it.
            category.optional().stream().filter(d -> !t.c.details.containsKey(d)).forEach(t.c.skipped::add);
        }
        String opening = category.id().equals("complaint") ? t.text("complaint.start")
                : category.urgent() ? t.text("urgent.advice")
                : t.text("problem.start", Map.of("category", category.name(t.lang())));
        if (!category.urgent() && !toldWhatHappened && faqAnswers.offerFirst(t, category, text, opening)) {
            return;
        }
        String known = prefilledNote(t);
        String preface = known == null ? opening : DetailCollector.join(opening, known);
        if (category.urgent()) {
            startUrgent(t, preface);
            return;
        }
        Optional<String> beside = toldWhatHappened ? faqAnswers.besideReport(t, category, text) : Optional.empty();
        collector.askNext(t, beside.map(note -> DetailCollector.join(preface, note)).orElse(preface));
    }

    /**
     * Stolen funds cannot wait for a form: at most one question (the first required detail the report lacks),
     * then a top-priority ticket, then the rest while the user waits.
     */
    private void startUrgent(TurnContext t, String opening) {
        Category category = collector.category(t);
        Optional<DetailType> missing = category.required().stream().filter(d -> !t.c.details.containsKey(d)).findFirst();
        if (missing.isPresent()) {
            collector.askNext(t, opening);
            return;
        }
        t.say(opening);
        openTicket(t, "urgent");
    }

    private String prefilledNote(TurnContext t) {
        var shown = new java.util.LinkedHashMap<>(t.c.details);
        shown.remove(DetailType.DESCRIPTION);
        return shown.isEmpty() ? null : t.text("problem.prefilled", Map.of("details", collector.describe(t, shown)));
    }

    private void onButton(TurnContext t, ButtonPayload b) {
        switch (b.kind()) {
            case FAQ_YES, FAQ_NO -> {
                if (b.kind() == ButtonPayload.Kind.FAQ_NO && t.c.phase == Phase.SUGGESTED) {
                    noneOfThese(t); // "not helpful" said to the list on screen: the same as "none of these"
                } else {
                    faqVote(t, b.kind() == ButtonPayload.Kind.FAQ_YES);
                }
            }
            case FAQ_PICK -> {
                Optional<FaqEntry> entry = t.c.suggestions.contains(b.arg()) ? faq.entry(b.arg()) : Optional.empty();
                if (entry.isEmpty()) {
                    stale(t);
                } else if (t.c.phase == Phase.COLLECTING) {
                    // A topic picked from the suggestions beside a pending question: its answer, then that question.
                    t.c.faqTried.add(entry.get().id());
                    collector.reask(t, entry.get().preferring(t.lang()).answer() + "\n\n" + t.text("detail.back"));
                } else {
                    faqAnswers.offerAnswer(t, entry.get());
                }
            }
            case FAQ_NONE -> noneOfThese(t);
            case REPORT -> startChooseCategory(t);
            case CATEGORY -> {
                Optional<Category> category = data.categories().get(b.arg());
                if (category.isEmpty() || t.c.phase == Phase.WITH_TICKET) {
                    stale(t);
                } else if (category.get().id().equals(t.c.categoryId) && t.c.phase == Phase.COLLECTING) {
                    collector.reask(t, null); // "no, stay with my problem": nothing collected is lost
                } else if (category.get().id().equals(t.c.categoryId) && t.c.phase == Phase.CONFIRMING) {
                    collector.showSummary(t, null);
                } else {
                    startReport(t, category.get(), t.c.recentTexts.stream().reduce((a, z) -> z).orElse(""), false);
                }
            }
            case HUMAN -> human(t);
            case FORGET_YES -> forget(t);
            case FORGET_NO -> t.sayKey("forget.kept");
            case CANCEL -> cancel(t);
            case LANG -> switchLanguage(t, Lang.parse(b.arg()).orElseThrow());
            case CONFIRM -> ifPhase(t, Phase.CONFIRMING, () -> collector.confirm(t));
            case EDIT -> ifPhase(t, Phase.CONFIRMING, () -> collector.chooseEdit(t));
            case EDIT_DETAIL -> {
                Optional<DetailType> type = DetailType.fromKey(b.arg());
                if (type.isEmpty() || t.c.phase != Phase.CHOOSING_EDIT) {
                    stale(t);
                } else {
                    collector.editDetail(t, type.get());
                }
            }
            case SKIP -> {
                if (rating.expectsComment(t)) {
                    rating.finish(t, null);
                } else if (rating.expectsWeakest(t)) {
                    rating.weakest(t, null);
                } else {
                    ifPhase(t, Phase.COLLECTING, () -> collector.skip(t));
                }
            }
            case RATE -> {
                if (rating.expectsStars(t)) {
                    rating.stars(t, Integer.parseInt(b.arg()));
                } else {
                    stale(t);
                }
            }
            case WEAKEST -> {
                if (rating.expectsWeakest(t)) {
                    rating.weakest(t, b.arg());
                } else {
                    stale(t);
                }
            }
            case ANSWER -> ifPhase(t, Phase.COLLECTING, () -> collector.onMessage(t, b.arg(), false));
            case TRANSCRIPT -> transcript(t); // any time: a copy of what was said changes nothing
        }
    }

    /** The conversation as a file (redacted lines only); the channel builds it when it sends it. */
    private static void transcript(TurnContext t) {
        t.act(new Action.Transcript(t.c.channel, t.c.key, t.text("transcript.caption")));
    }

    private void ifPhase(TurnContext t, Phase phase, Runnable action) {
        if (t.c.phase == phase) {
            action.run();
        } else {
            stale(t);
        }
    }

    /** A valid button from an earlier step: say so and show where the conversation is now. */
    private void stale(TurnContext t) {
        String note = t.text("button.stale");
        switch (t.c.phase) {
            case COLLECTING -> collector.reask(t, note);
            case CONFIRMING, CHOOSING_EDIT -> collector.showSummary(t, note);
            case WITH_TICKET -> t.say(note + "\n\n" + statusText(t));
            default -> t.say(note + "\n\n" + t.text("help"));
        }
    }

    /** The user said none of the listed topics helps: like a rejected answer, none of them is offered again. */
    private void noneOfThese(TurnContext t) {
        if (t.c.phase == Phase.SUGGESTED) {
            t.c.suggestions.stream().filter(id -> !t.c.faqRejected.contains(id)).forEach(t.c.faqRejected::add);
        }
        t.c.resetFlow();
        t.c.recentTexts.stream().reduce((a, z) -> z).ifPresent(q -> t.act(new Action.KnowledgeGap(q, t.lang())));
        faqAnswers.offerHelp(t, "faq.none");
    }

    private void faqVote(TurnContext t, boolean helpful) {
        if (t.c.phase != Phase.FAQ_OFFERED || t.c.offeredFaqId == null) {
            stale(t);
            return;
        }
        // An unhelpful answer is counted against its topic (the vote), not as a knowledge gap: the gap list is
        // "questions the FAQ could not answer", and this one it did answer.
        t.act(new Action.FaqVote(t.c.offeredFaqId, helpful));
        if (!helpful) {
            t.c.faqRejected.add(t.c.offeredFaqId);
        }
        t.c.offeredFaqId = null;
        if (helpful) {
            t.c.resetFlow();
            t.sayKey("faq.glad");
        } else if (t.c.categoryId != null) {
            collector.askNext(t, prefilledNote(t));
        } else {
            t.c.phase = Phase.IDLE;
            faqAnswers.offerHelp(t, "faq.sorry");
        }
    }

    private void greet(TurnContext t) {
        t.say(t.text("greeting"), List.of(t.button("button.report", "report"), t.button("button.human", "human")));
    }

    private void cancel(TurnContext t) {
        boolean inFlow = t.c.categoryId != null || t.c.phase == Phase.SUGGESTED || t.c.phase == Phase.FAQ_OFFERED;
        if (inFlow && t.c.phase != Phase.WITH_TICKET) {
            t.c.resetFlow();
            t.sayKey("cancel.done");
        } else {
            t.sayKey("cancel.nothing");
        }
    }

    /** The problem went away while it was being reported: close the report politely, nothing is submitted. */
    private void solved(TurnContext t) {
        if (t.c.phase == Phase.FAQ_OFFERED && t.c.offeredFaqId != null) {
            t.act(new Action.FaqVote(t.c.offeredFaqId, true));
        }
        boolean inFlow = t.c.categoryId != null || t.c.phase == Phase.SUGGESTED || t.c.phase == Phase.FAQ_OFFERED;
        t.c.resetFlow();
        t.sayKey(inFlow ? "solved.closed" : "thanks");
    }

    private void status(TurnContext t) {
        if (t.c.phase == Phase.COLLECTING && t.c.awaiting != null) {
            t.sayKey("status.collecting", Map.of("category", collector.category(t).name(t.lang()),
                    "question", t.text("ask." + t.c.awaiting.key())), List.of());
        } else {
            resume(t, statusText(t));
        }
    }

    /**
     * After an aside (status, language) the report in progress goes on where it was: the pending question or
     * the summary is shown again under the note, so nothing collected is lost and the user knows what is next.
     */
    private void resume(TurnContext t, String note) {
        switch (t.c.phase) {
            case COLLECTING -> collector.reask(t, note);
            case CONFIRMING, CHOOSING_EDIT -> collector.showSummary(t, note);
            case FAQ_OFFERED -> {
                if (t.c.categoryId == null) {
                    t.say(note);
                } else {
                    t.c.offeredFaqId = null; // the user moved on from the answer offered beside the report
                    collector.askNext(t, note);
                }
            }
            default -> t.say(note);
        }
    }

    private String statusText(TurnContext t) {
        if (t.c.ticketNumber == null) {
            return t.text("status.none");
        }
        var status = tickets.status(t.c.ticketNumber);
        String category = status.flatMap(s -> data.categories().get(s.categoryId())).orElse(data.categories().other())
                .name(t.lang());
        return t.text("status.ticket", Map.of("number", t.c.ticketNumber, "category", category,
                "status", statusName(t, status.map(TicketDirectory.TicketStatus::status).orElse("queued"))));
    }

    /** "排队中" / "waiting in the queue": users never read the desk's own word for a status. */
    private String statusName(TurnContext t, String status) {
        String key = "ticket.status." + status;
        return data.messages().has(key) ? t.text(key) : t.text("ticket.status.unknown");
    }

    /** Seed article §4: the user may ask for a supervisor at any time. */
    private void supervisor(TurnContext t) {
        if (t.c.ticketNumber != null && (t.c.phase == Phase.WITH_TICKET || t.c.phase == Phase.AGENT_ASKED)) {
            t.act(new Action.EscalateTicket(t.c.ticketNumber, t.in.text()));
            t.sayKey("ticket.supervisor", Map.of("number", t.c.ticketNumber), List.of());
            return;
        }
        if (t.c.categoryId == null) {
            t.c.categoryId = Categories.OTHER;
        }
        if (!t.c.details.containsKey(DetailType.DESCRIPTION) && !t.c.recentTexts.isEmpty()) {
            collector.prefill(t, String.join("\n", t.c.recentTexts));
        }
        openTicket(t, "supervisor");
    }

    /** Everything about the user goes; only the language they chose survives, so the goodbye is understood. */
    private void forget(TurnContext t) {
        t.act(new Action.Forget(t.c.key));
        t.c.resetFlow();
        t.c.ticketNumber = null;
        t.c.rating = null;
        t.c.recentTexts.clear();
        t.c.faqRejected.clear();
        t.sayKey("forget.done");
    }

    private void human(TurnContext t) {
        if (t.c.phase == Phase.WITH_TICKET) {
            t.say(statusText(t));
            return;
        }
        if (t.c.categoryId == null) {
            t.c.categoryId = Categories.OTHER;
        }
        if (!t.c.details.containsKey(DetailType.DESCRIPTION) && !t.c.recentTexts.isEmpty()) {
            collector.prefill(t, String.join("\n", t.c.recentTexts));
        }
        openTicket(t, "human");
    }

    /** Opens a ticket with whatever is known; every path to a human goes through here. */
    private void openTicket(TurnContext t, String reason) {
        Category category = collector.category(t);
        long number = tickets.nextNumber();
        t.act(new Action.OpenTicket(new TicketDraft(number, t.c.channel, t.c.key, t.c.userId, category.id(),
                category.priority(), category.urgent(), reason, t.lang(), t.c.details, t.c.faqTried, clock.instant(),
                t.c.attachments, complaintOf(t, category))));
        String key = reason.equals("human") || reason.equals("supervisor") ? "ticket.opened_human"
                : category.id().equals("feedback") ? "ticket.feedback" : "ticket.opened";
        String opened = t.text(key, Map.of("number", number, "category", category.name(t.lang())));
        t.say(category.id().equals("feedback") ? opened : opened + queueNote(t, tickets.queueFor(category.priority())));
        var details = new java.util.EnumMap<DetailType, supportbot.dialogue.details.DetailValue>(DetailType.class);
        details.putAll(t.c.details);
        var skipped = java.util.Set.copyOf(t.c.skipped);
        t.c.resetFlow();
        if (!category.id().equals("feedback")) {
            t.c.phase = Phase.WITH_TICKET;
            t.c.ticketNumber = number;
            // Kept so that a later correction changes only the part it names, and an urgent ticket can be completed.
            t.c.categoryId = category.id();
            t.c.details.putAll(details);
            t.c.skipped.addAll(skipped);
            if (category.urgent()) {
                collector.askAfterTicket(t);
            }
        }
    }

    /** The agent, ticket and time a complaint names, read from everything the user wrote for it. */
    private Complaint complaintOf(TurnContext t, Category category) {
        if (!category.id().equals("complaint")) {
            return null;
        }
        var texts = new ArrayList<>(t.c.recentTexts);
        var description = t.c.details.get(DetailType.DESCRIPTION);
        if (description != null) {
            texts.add(description.value());
        }
        return complaints.read(t.c.key, String.join("\n", texts), t.c.details);
    }

    /** While a ticket is open the bot stays out of the way: the message goes to the agent, nothing is said. */
    private void appendToTicket(TurnContext t, String text, boolean correction) {
        if (collector.onTicketMessage(t, text, correction)) {
            return;
        }
        boolean closed = tickets.status(t.c.ticketNumber).map(s -> s.status().equals("closed")).orElse(false);
        t.act(new Action.AppendToTicket(t.c.ticketNumber, t.c.key, text, t.in.attachments()));
        if (closed) {
            // Writing again reopens a ticket that closed while waiting for the user.
            t.sayKey("ticket.reopened", Map.of("number", t.c.ticketNumber), List.of());
        }
    }

    /** "You are number 3 in the queue, about 20 minutes", and when agents are back if they are off duty. */
    private String queueNote(TurnContext t, TicketDirectory.QueueInfo queue) {
        if (queue == null) {
            return "";
        }
        long minutes = Math.max(1, queue.eta().toMinutes());
        String eta = minutes < 120 ? t.text("eta.minutes", Map.of("n", minutes))
                : t.text("eta.hours", Map.of("n", Math.round(minutes / 60.0)));
        String note = "\n\n" + t.text("queue.position", Map.of("position", queue.position(), "eta", eta));
        if (!queue.deskOpen()) {
            var zone = ZoneId.of(t.c.zone);
            String back = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm").format(queue.nextOpening().atZone(zone));
            note += "\n" + t.text("queue.offline", Map.of("time", back, "zone", zone.getId()));
        }
        return note;
    }

    private void switchLanguage(TurnContext t, Lang lang) {
        t.c.lang = lang;
        t.c.langLocked = true;
        resume(t, t.text("lang.switched"));
    }

    private void setZone(TurnContext t, String zone) {
        if (zone == null || zone.isBlank()) {
            t.sayKey("tz.current", Map.of("zone", t.c.zone), List.of());
            return;
        }
        Optional<ZoneId> parsed = ZoneInput.parse(zone);
        if (parsed.isEmpty()) {
            t.sayKey("tz.invalid", Map.of("zone", zone.strip()), List.of());
            return;
        }
        t.c.zone = parsed.get().getId();
        t.sayKey("tz.set", Map.of("zone", t.c.zone), List.of());
    }

    /** The zone a conversation starts in when nothing better is known (details.defaultZone). */
    public ZoneId defaultZone() {
        return data.details().defaultZone();
    }

    /**
     * A conversation that has not said anything yet, in {@code zone} (the browser's, for the web widget): what
     * the first message then finds, so the zone is known before the first time is read.
     */
    public Conversation opened(String channel, String key, String userId, ZoneId zone, java.time.Instant at) {
        return Conversation.start(Inbound.text(channel, key, userId, "", null, at), defaultLang,
                (zone == null ? defaultZone() : zone).getId());
    }
}
