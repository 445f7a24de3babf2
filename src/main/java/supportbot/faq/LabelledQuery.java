package supportbot.faq;

/** A user query with the FAQ id a person would answer it with. */
public record LabelledQuery(String query, String expected) {
}
