package supportbot.dialogue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import supportbot.dialogue.details.ChainSpec;
import supportbot.dialogue.details.Corrections;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.dialogue.details.ParseResult;

/**
 * Collects a category's details one question at a time, validates each answer, takes corrections, shows
 * the summary and opens the ticket on confirmation.
 */
final class DetailCollector {
    private static final Pattern SKIP = Pattern.compile(
            "(?i)^(skip|no|none|n/a|don'?t have( one)?|no screenshot|跳过|没有|无|不用了?|没截图)[.!。！]*$");
    private static final Map<DetailType, Pattern> MENTIONS = Map.of(
            DetailType.ACCOUNT, Pattern.compile("(?i)邮箱|账号|帐号|用户名|用户id|e-?mail|account|user ?id"),
            DetailType.TIME, Pattern.compile("(?i)时间|日期|昨天|今天|前天|点钟|\\btime\\b|\\bdate\\b|yesterday|today|ago|morning|evening"),
            DetailType.DEVICE, Pattern.compile("(?i)手机|设备|系统|型号|iphone|android|安卓|\\bios\\b|phone|device"),
            DetailType.TX_HASH, Pattern.compile("(?i)哈希|hash|txid|交易号"),
            DetailType.CHAIN, Pattern.compile("(?i)链|网络|network|chain"),
            DetailType.COIN, Pattern.compile("(?i)币种|\\bcoin\\b|\\btoken\\b"),
            DetailType.AMOUNT, Pattern.compile("(?i)金额|数量|amount"),
            DetailType.ADDRESS, Pattern.compile("(?i)地址|address"),
            DetailType.DESCRIPTION, Pattern.compile("(?i)描述|description"));

    private final DialogueData data;
    private final DetailParsers parsers;
    private final TicketOpener tickets;

    /** Opens the ticket once the summary is confirmed; lives in the engine, which knows every way a ticket opens. */
    interface TicketOpener {
        void open(TurnContext t, String reason);
    }

    DetailCollector(DialogueData data, DetailParsers parsers, TicketOpener tickets) {
        this.data = data;
        this.parsers = parsers;
        this.tickets = tickets;
    }

    Category category(TurnContext t) {
        return data.categories().get(t.c.categoryId).orElse(data.categories().other());
    }

    /** Fills whatever the user's recent messages already say, so it is never asked for. */
    void prefill(TurnContext t, String reportText) {
        ZoneId zone = ZoneId.of(t.c.zone);
        for (String text : t.c.recentTexts) {
            parsers.extractAll(text, zone, t.lang()).forEach(t.c.details::putIfAbsent);
        }
        if (!t.c.details.containsKey(DetailType.DESCRIPTION)) {
            ParseResult description = parsers.parse(DetailType.DESCRIPTION, reportText, 0, zone, t.lang(), t.c.details);
            if (description.ok()) {
                t.c.details.put(DetailType.DESCRIPTION, description.value());
            }
        }
    }

    /** Asks for the next missing detail, or shows the summary when nothing is missing. */
    void askNext(TurnContext t, String preface) {
        Category category = category(t);
        for (DetailType type : category.required()) {
            if (!t.c.details.containsKey(type)) {
                ask(t, type, false, preface);
                return;
            }
        }
        List<DetailType> optional = missingOptional(t);
        if (optional.size() == 1) {
            ask(t, optional.get(0), true, preface);
        } else if (!optional.isEmpty()) {
            askOptionalTogether(t, optional, preface);
        } else {
            showSummary(t, preface);
        }
    }

    private List<DetailType> missingOptional(TurnContext t) {
        return category(t).optional().stream()
                .filter(type -> !t.c.details.containsKey(type) && !t.c.skipped.contains(type)).toList();
    }

    /** One message for every optional detail still missing: answering them one by one costs the user a turn each. */
    private void askOptionalTogether(TurnContext t, List<DetailType> optional, String preface) {
        t.c.phase = Phase.COLLECTING;
        t.c.awaiting = optional.get(0);
        var lines = new StringBuilder(t.text("ask.optional_together"));
        for (DetailType type : optional) {
            lines.append("\n• ").append(t.text("label." + type.key())).append(t.lang() == supportbot.faq.Lang.ZH ? "：" : ": ")
                    .append(t.text("ask." + type.key()));
        }
        t.say(join(preface, lines.toString()), List.of(t.button("button.skip_all", "skip")));
    }

    /** Waiting on the optional details (asked together), not on a required one or an edit from the summary. */
    private boolean awaitingOptional(TurnContext t) {
        return t.c.awaiting != null && !t.c.editing && category(t).optional().contains(t.c.awaiting);
    }

    /** Whatever the reply holds is kept; the optional details it does not hold are skipped, and the summary follows. */
    private boolean takeOptional(TurnContext t, String text, ParseResult awaitedResult) {
        var found = new java.util.LinkedHashMap<DetailType, DetailValue>();
        if (awaitedResult.ok()) {
            found.put(t.c.awaiting, awaitedResult.value());
        }
        if (!text.isBlank()) {
            parsers.extractAll(text, ZoneId.of(t.c.zone), t.lang()).forEach((type, value) -> {
                if (!t.c.details.containsKey(type) || missingOptional(t).contains(type)) {
                    found.putIfAbsent(type, value);
                }
            });
        }
        if (!t.in.attachments().isEmpty()) {
            found.put(DetailType.SCREENSHOT, screenshot(t));
        }
        if (found.isEmpty()) {
            return false;
        }
        t.c.details.putAll(found);
        found.keySet().forEach(t.c.skipped::remove);
        t.c.skipped.addAll(missingOptional(t));
        t.c.awaiting = null;
        askNext(t, null);
        return true;
    }

    private void ask(TurnContext t, DetailType type, boolean optional, String preface) {
        t.c.phase = Phase.COLLECTING;
        t.c.awaiting = type;
        var buttons = new ArrayList<Button>();
        if (type == DetailType.DEVICE) {
            data.details().deviceButtons().forEach(d -> buttons.add(new Button(d, "answer:" + d)));
        } else if (type == DetailType.CHAIN) {
            data.details().chains().stream().map(ChainSpec::name).forEach(n -> buttons.add(new Button(n, "answer:" + n)));
        }
        if (optional) {
            buttons.add(t.button("button.skip", "skip"));
        }
        t.say(join(preface, t.text("ask." + type.key())), buttons);
    }

    void reask(TurnContext t, String preface) {
        if (t.c.awaiting == null) {
            askNext(t, preface);
            return;
        }
        if (awaitingOptional(t) && missingOptional(t).size() > 1) {
            askOptionalTogether(t, missingOptional(t), preface);
            return;
        }
        ask(t, t.c.awaiting, category(t).optional().contains(t.c.awaiting), preface);
    }

    /** A text (and maybe attachments) while collecting or confirming. */
    void onMessage(TurnContext t, String text, boolean correction) {
        if (t.c.phase == Phase.CONFIRMING || t.c.phase == Phase.CHOOSING_EDIT) {
            if (!applyCorrection(t, text)) {
                showSummary(t, null);
            }
            return;
        }
        DetailType awaited = t.c.awaiting;
        if (awaited == null) {
            askNext(t, null);
            return;
        }
        if ((correction || Corrections.isCorrection(text)) && applyCorrection(t, text)) {
            return;
        }
        if (awaitingOptional(t) && missingOptional(t).size() > 1) {
            onOptionalReply(t, text);
            return;
        }
        if (!t.in.attachments().isEmpty() && awaited != DetailType.SCREENSHOT) {
            t.c.details.put(DetailType.SCREENSHOT, screenshot(t));
            t.c.skipped.remove(DetailType.SCREENSHOT);
            if (text.isBlank()) {
                reask(t, t.text("problem.prefilled", Map.of("details", describe(t, Map.of(DetailType.SCREENSHOT,
                        t.c.details.get(DetailType.SCREENSHOT))))));
                return;
            }
        }
        if (SKIP.matcher(text.strip()).matches() && t.in.attachments().isEmpty()) {
            skip(t);
            return;
        }
        ZoneId zone = ZoneId.of(t.c.zone);
        ParseResult result = parsers.parse(awaited, text, t.in.attachments().size(), zone, t.lang(), t.c.details);
        if (result.ok()) {
            t.c.details.put(awaited, result.value());
            if (!text.isBlank() && awaited != DetailType.DESCRIPTION) {
                parsers.extractAll(text, zone, t.lang()).forEach(t.c.details::putIfAbsent);
            }
            afterAnswer(t, null);
            return;
        }
        var extras = new java.util.LinkedHashMap<DetailType, DetailValue>();
        parsers.extractAll(text, zone, t.lang()).forEach((type, value) -> {
            if (!t.c.details.containsKey(type)) {
                extras.put(type, value);
            }
        });
        if (!extras.isEmpty()) {
            t.c.details.putAll(extras);
            reask(t, t.text("problem.prefilled", Map.of("details", describe(t, extras))));
            return;
        }
        if (!changes(t, text).isEmpty() && applyCorrection(t, text)) {
            return; // "是晚上9点" while the hash is asked: not its answer, but a new value for a detail already given
        }
        reask(t, t.text(result.hintKey(), result.hintArgs()));
    }

    private void onOptionalReply(TurnContext t, String text) {
        if (SKIP.matcher(text.strip()).matches() && t.in.attachments().isEmpty()) {
            skip(t);
            return;
        }
        ParseResult result = parsers.parse(t.c.awaiting, text, t.in.attachments().size(), ZoneId.of(t.c.zone), t.lang(),
                t.c.details);
        if (!takeOptional(t, text, result)) {
            reask(t, t.text("ask.optional_unclear"));
        }
    }

    /**
     * An urgent case: the answer to the one question asked is kept whatever it is, and the ticket opens at once;
     * the rest is collected while the user waits.
     */
    void onUrgentAnswer(TurnContext t, String text) {
        DetailType awaited = t.c.awaiting;
        ZoneId zone = ZoneId.of(t.c.zone);
        if (awaited != null && !SKIP.matcher(text.strip()).matches()) {
            ParseResult result = parsers.parse(awaited, text, t.in.attachments().size(), zone, t.lang(), t.c.details);
            if (result.ok()) {
                t.c.details.put(awaited, result.value());
            }
        }
        if (!text.isBlank()) {
            parsers.extractAll(text, zone, t.lang()).forEach(t.c.details::putIfAbsent);
        }
        if (!t.in.attachments().isEmpty()) {
            t.c.details.putIfAbsent(DetailType.SCREENSHOT, screenshot(t));
        }
        tickets.open(t, "urgent");
    }

    /** After an urgent ticket opened: everything still missing, asked together in one message. */
    void askAfterTicket(TurnContext t) {
        List<DetailType> missing = missingAll(t);
        if (missing.isEmpty()) {
            t.c.awaiting = null;
            return;
        }
        t.c.awaiting = missing.get(0);
        var lines = new StringBuilder(t.text("urgent.more"));
        for (DetailType type : missing) {
            lines.append("\n• ").append(t.text("label." + type.key())).append(t.lang() == supportbot.faq.Lang.ZH ? "：" : ": ")
                    .append(t.text("ask." + type.key()));
        }
        t.say(lines.toString());
    }

    private List<DetailType> missingAll(TurnContext t) {
        var missing = new ArrayList<DetailType>();
        Category category = category(t);
        category.required().stream().filter(d -> !t.c.details.containsKey(d)).forEach(missing::add);
        missingOptional(t).forEach(missing::add);
        return missing;
    }

    /**
     * A message while a ticket is open: the details still being collected for an urgent ticket, or a correction
     * of a detail the ticket holds. Each goes to the ticket as a detail; false when the message is neither.
     */
    boolean onTicketMessage(TurnContext t, String text, boolean correction) {
        if (t.c.details.isEmpty() && t.c.awaiting == null) {
            return false;
        }
        ZoneId zone = ZoneId.of(t.c.zone);
        var found = new java.util.LinkedHashMap<DetailType, DetailValue>();
        boolean correcting = (correction || Corrections.isCorrection(text)) && !t.c.details.isEmpty();
        if (correcting) {
            found.putAll(parsers.correction(text, zone, t.lang(), t.c.details));
        } else if (t.c.awaiting != null) {
            if (SKIP.matcher(text.strip()).matches()) {
                t.c.awaiting = null;
                t.sayKey("urgent.skipped", Map.of("number", t.c.ticketNumber), List.of());
                return true;
            }
            ParseResult result = parsers.parse(t.c.awaiting, text, t.in.attachments().size(), zone, t.lang(), t.c.details);
            if (result.ok()) {
                found.put(t.c.awaiting, result.value());
            }
            if (!text.isBlank()) {
                parsers.extractAll(text, zone, t.lang()).forEach((type, value) -> {
                    if (!t.c.details.containsKey(type)) {
                        found.putIfAbsent(type, value);
                    }
                });
            }
        }
        found.keySet().removeIf(type -> found.get(type).equals(t.c.details.get(type)));
        if (found.isEmpty()) {
            t.c.awaiting = null; // one try: after that the bot stays out of the way of the agent
            return false;
        }
        boolean first = true;
        for (DetailValue value : found.values()) {
            t.act(new Action.TicketDetail(t.c.ticketNumber, value, first ? t.in.attachments() : List.of()));
            first = false;
        }
        if (correcting) {
            // The agent reads the user's own words too: a correction often says why.
            t.act(new Action.AppendToTicket(t.c.ticketNumber, t.c.key, text, List.of()));
        }
        t.c.details.putAll(found);
        List<DetailType> missing = missingAll(t);
        t.c.awaiting = t.c.awaiting == null || missing.isEmpty() ? null : missing.get(0);
        t.sayKey("ticket.details_updated", Map.of("number", t.c.ticketNumber, "details", describe(t, found)), List.of());
        return true;
    }

    /** The details a message gives a new value for: known before, and now read differently. */
    Map<DetailType, DetailValue> changes(TurnContext t, String text) {
        var out = new java.util.LinkedHashMap<DetailType, DetailValue>();
        parsers.correction(text, ZoneId.of(t.c.zone), t.lang(), t.c.details).forEach((type, value) -> {
            DetailValue known = t.c.details.get(type);
            if (known != null && !known.value().equals(value.value()) && type != DetailType.DESCRIPTION) {
                out.put(type, value);
            }
        });
        return out;
    }

    /**
     * A correction that carries a new value, or names a detail to change; "sorry, how do I find the hash?" names
     * one too, but as a question it asks, it does not correct.
     */
    boolean corrects(TurnContext t, String text, boolean question) {
        if (!Corrections.isCorrection(text)) {
            return false;
        }
        return !parsers.correction(text, ZoneId.of(t.c.zone), t.lang(), t.c.details).isEmpty()
                || !question && MENTIONS.values().stream().anyMatch(p -> p.matcher(text).find());
    }

    /** The message answers the pending detail, or carries some other detail of this report. */
    boolean answers(TurnContext t, String text) {
        if (SKIP.matcher(text.strip()).matches()) {
            return true;
        }
        ZoneId zone = ZoneId.of(t.c.zone);
        if (t.c.awaiting != null
                && parsers.parse(t.c.awaiting, text, t.in.attachments().size(), zone, t.lang(), t.c.details).ok()) {
            return true;
        }
        return parsers.extractAll(text, zone, t.lang()).keySet().stream().anyMatch(d -> !t.c.details.containsKey(d));
    }

    /** The one detail an agent asked for: validated like any other, then back to the open ticket. */
    void forTicket(TurnContext t, String text) {
        DetailType awaited = t.c.awaiting;
        ParseResult result = parsers.parse(awaited, text, t.in.attachments().size(), ZoneId.of(t.c.zone), t.lang(), t.c.details);
        if (!result.ok()) {
            t.say(join(t.text(result.hintKey(), result.hintArgs()), t.text("ask." + awaited.key())));
            return;
        }
        t.act(new Action.TicketDetail(t.c.ticketNumber, result.value(), t.in.attachments()));
        t.c.awaiting = null;
        t.c.phase = Phase.WITH_TICKET;
        t.sayKey("ticket.detail_added", Map.of("number", t.c.ticketNumber), List.of());
    }

    void skip(TurnContext t) {
        DetailType awaited = t.c.awaiting;
        if (awaited == null) {
            askNext(t, null);
        } else if (category(t).required().contains(awaited)) {
            reask(t, t.text("detail.required"));
        } else {
            t.c.skipped.add(awaited);
            if (!t.c.editing) {
                t.c.skipped.addAll(missingOptional(t)); // "skip" answers every optional question asked with it
            }
            afterAnswer(t, null);
        }
    }

    private void afterAnswer(TurnContext t, String preface) {
        t.c.awaiting = null;
        if (t.c.editing) {
            t.c.editing = false;
            showSummary(t, preface);
        } else {
            askNext(t, preface);
        }
    }

    /**
     * "邮箱写错了" / "actually it was yesterday": updates the detail the message names, with the value it
     * carries, or asks for that detail again when it carries none. Returns false when no detail is named.
     */
    boolean applyCorrection(TurnContext t, String text) {
        ZoneId zone = ZoneId.of(t.c.zone);
        Map<DetailType, DetailValue> found = parsers.correction(text, zone, t.lang(), t.c.details);
        var named = MENTIONS.entrySet().stream().filter(e -> e.getValue().matcher(text).find()).map(Map.Entry::getKey)
                .toList();
        var updates = new java.util.LinkedHashMap<DetailType, DetailValue>(found);
        if (updates.isEmpty() && named.isEmpty()) {
            return false;
        }
        boolean confirming = t.c.phase == Phase.CONFIRMING || t.c.phase == Phase.CHOOSING_EDIT;
        if (!updates.isEmpty()) {
            t.c.details.putAll(updates);
            updates.keySet().forEach(t.c.skipped::remove);
            String done = t.text("detail.updated", Map.of("label", labels(t, updates.keySet()), "value", values(updates)));
            if (confirming) {
                showSummary(t, done);
            } else if (t.c.awaiting != null && updates.containsKey(t.c.awaiting)) {
                afterAnswer(t, done);
            } else {
                reask(t, done);
            }
            return true;
        }
        DetailType target = named.get(0);
        t.c.details.remove(target);
        t.c.editing = confirming || t.c.editing;
        t.c.phase = Phase.COLLECTING;
        ask(t, target, category(t).optional().contains(target), null);
        return true;
    }

    void showSummary(TurnContext t, String preface) {
        t.c.phase = Phase.CONFIRMING;
        t.c.awaiting = null;
        var lines = new StringBuilder(t.text("summary.title"));
        Category category = category(t);
        var order = new ArrayList<>(category.allDetails());
        t.c.details.keySet().stream().filter(d -> !order.contains(d)).forEach(order::add);
        for (DetailType type : order) {
            DetailValue value = t.c.details.get(type);
            if (value == null && !t.c.skipped.contains(type)) {
                continue;
            }
            lines.append('\n').append(t.text("summary.line", Map.of("label", t.text("label." + type.key()),
                    "value", value == null ? t.text("summary.skipped") : value.display())));
        }
        t.say(join(preface, lines.toString()), List.of(t.button("summary.confirm", "confirm"),
                t.button("summary.edit", "edit"), t.button("summary.cancel", "cancel")));
    }

    void chooseEdit(TurnContext t) {
        t.c.phase = Phase.CHOOSING_EDIT;
        var buttons = new ArrayList<Button>();
        for (DetailType type : category(t).allDetails()) {
            buttons.add(new Button(t.text("label." + type.key()), "edit:" + type.key()));
        }
        t.say(t.text("edit.choose"), buttons);
    }

    void editDetail(TurnContext t, DetailType type) {
        t.c.editing = true;
        ask(t, type, category(t).optional().contains(type), null);
    }

    void confirm(TurnContext t) {
        tickets.open(t, t.c.categoryId.equals("complaint") ? "complaint" : "confirmed");
    }

    String describe(TurnContext t, Map<DetailType, DetailValue> details) {
        var parts = new ArrayList<String>();
        details.forEach((type, value) -> parts.add(t.text("label." + type.key()) + " " + value.display()));
        return String.join(t.lang() == supportbot.faq.Lang.ZH ? "、" : ", ", parts);
    }

    private String labels(TurnContext t, java.util.Set<DetailType> types) {
        return String.join("/", types.stream().map(ty -> t.text("label." + ty.key())).toList());
    }

    private static String values(Map<DetailType, DetailValue> values) {
        return String.join(", ", values.values().stream().map(DetailValue::display).toList());
    }

    /** Attachments as the screenshot detail: the agent sees where they are stored. */
    static DetailValue screenshot(TurnContext t) {
        return new DetailValue(DetailType.SCREENSHOT, String.join(", ", t.in.attachments().stream().map(Attachment::ref).toList()),
                t.text("detail.attachments", Map.of("count", t.in.attachments().size())));
    }

    /** Either part may be missing (no preface, nothing prefilled); a missing part must never print as "null". */
    static String join(String preface, String text) {
        if (text == null || text.isBlank()) {
            return preface;
        }
        return preface == null || preface.isBlank() ? text : preface + "\n\n" + text;
    }
}
