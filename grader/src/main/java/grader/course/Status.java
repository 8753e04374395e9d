package grader.course;

/** The status of a kata's row in the table. */
public enum Status {
    DONE("✅", "done"),
    IN_PROGRESS("🟡", "in progress"),
    NOT_STARTED("❓", "not started"),
    DOES_NOT_COMPILE("❌", "does not compile"),
    BLOCKED("⛔", "blocked"),
    SPECS_MODIFIED("⚠", "specs modified");

    private final String icon;
    private final String label;

    Status(String icon, String label) {
        this.icon = icon;
        this.label = label;
    }

    public String icon() {
        return icon;
    }

    public String label() {
        return label;
    }
}
