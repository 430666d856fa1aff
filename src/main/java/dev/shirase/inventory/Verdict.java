package dev.shirase.inventory;

/** The three verdicts of matching an advisory to an asset, with their Japanese and English labels. */
public enum Verdict {
    /** The product is ours and our version is inside the affected range. */
    AFFECTED("該当", "Affected"),
    /** The product is ours but the version cannot be decided from what is known. */
    CHECK("要確認", "Check"),
    /** The product is ours and our version is outside the affected range. */
    NOT_AFFECTED("非該当", "Not affected");

    private final String japanese;
    private final String english;

    Verdict(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    /** How urgent the verdict is: AFFECTED 2, CHECK 1, NOT_AFFECTED 0 (used to keep the worst of several). */
    public int urgency() {
        return switch (this) {
            case AFFECTED -> 2;
            case CHECK -> 1;
            case NOT_AFFECTED -> 0;
        };
    }
}
