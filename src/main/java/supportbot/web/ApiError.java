package supportbot.web;

/** The body of every error answer: {@code {"error": "what was wrong, in words a caller can act on"}}. */
record ApiError(String error) {
}
