package supportbot.safety;

/**
 * Diagnostic counters filled by {@link SecretDetector#scan(String, ScanStats)}: how many candidates reached each
 * step of the recovery-phrase rules. Used by tests to show that the checksum and the rules do the work.
 * Not thread-safe: one instance per caller.
 */
final class ScanStats {
    /** English windows (12..24 consecutive list words) whose checksum was computed. */
    long englishWindows;
    /** English windows whose checksum was valid (each one becomes part of a finding). */
    long englishValid;
    /** ... of those, rejected because a third or more of the words are everyday English. */
    long englishRejectedAsProse;
    /**
     * Separated Chinese candidates (a whole sequence of single list chars with separators between, or one line
     * of it) whose checksum was computed.
     */
    long chineseSeparatedWindows;
    long chineseSeparatedValid;
    /** ... of those, rejected because the characters look like ordinary (frequency-skewed) text. */
    long chineseSeparatedRejectedByRank;
    /** Unseparated Chinese runs of exactly 12/15/18/21/24 list chars whose checksum was computed. */
    long chineseRuns;
    /** ... of those, checksum-valid. */
    long chineseRunsChecksumValid;
    /** ... of those, rejected because the characters look like ordinary (frequency-skewed) text. */
    long chineseRunsRejectedByRank;
    /** ... of those, 12-char runs without a keyword rejected because they do not stand alone on their line. */
    long chineseRunsRejectedByContext;
    /** ... accepted as findings. */
    long chineseRunsAccepted;
    /** Checksum-invalid runs accepted because the message names a mnemonic and the run looks random. */
    long chineseRunsAcceptedWithoutChecksum;
    /** English runs of 11+ list words (at most one other word among them), checked without a checksum. */
    long englishNear;
    /** ... of those, rejected because a third or more of the words are everyday English. */
    long englishNearRejectedAsProse;
    /** Separated Chinese sequences of 11+ list chars (at most one other), checked without a checksum. */
    long chineseNear;
    /** ... of those, rejected because the characters look like ordinary text. */
    long chineseNearRejectedByRank;

    void add(ScanStats o) {
        englishWindows += o.englishWindows;
        englishValid += o.englishValid;
        englishRejectedAsProse += o.englishRejectedAsProse;
        chineseSeparatedWindows += o.chineseSeparatedWindows;
        chineseSeparatedValid += o.chineseSeparatedValid;
        chineseSeparatedRejectedByRank += o.chineseSeparatedRejectedByRank;
        chineseRuns += o.chineseRuns;
        chineseRunsChecksumValid += o.chineseRunsChecksumValid;
        chineseRunsRejectedByRank += o.chineseRunsRejectedByRank;
        chineseRunsRejectedByContext += o.chineseRunsRejectedByContext;
        chineseRunsAccepted += o.chineseRunsAccepted;
        chineseRunsAcceptedWithoutChecksum += o.chineseRunsAcceptedWithoutChecksum;
        englishNear += o.englishNear;
        englishNearRejectedAsProse += o.englishNearRejectedAsProse;
        chineseNear += o.chineseNear;
        chineseNearRejectedByRank += o.chineseNearRejectedByRank;
    }

    @Override
    public String toString() {
        return "englishWindows=" + englishWindows + " (checksum-valid " + englishValid + ", rejected as prose "
                + englishRejectedAsProse + ")"
                + ", chineseSeparatedWindows=" + chineseSeparatedWindows + " (checksum-valid " + chineseSeparatedValid
                + ", rejected by rank " + chineseSeparatedRejectedByRank + ")"
                + ", chineseUnseparatedRuns=" + chineseRuns + " (checksum-valid " + chineseRunsChecksumValid
                + ", rejected by rank " + chineseRunsRejectedByRank + ", rejected by context " + chineseRunsRejectedByContext
                + ", accepted " + chineseRunsAccepted + ", accepted without checksum " + chineseRunsAcceptedWithoutChecksum + ")"
                + ", englishNear=" + englishNear + " (rejected as prose " + englishNearRejectedAsProse + ")"
                + ", chineseNear=" + chineseNear + " (rejected by rank " + chineseNearRejectedByRank + ")";
    }
}
