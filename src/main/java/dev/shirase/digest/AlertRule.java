package dev.shirase.digest;

/**
 * The urgent-alert rule of shirase.yaml ({@code alerts: {min-cvss: 9.0, kev: true, japanese-alerts: true}}):
 * an asset is 該当 and the threat is KEV listed, or named by an IPA / JPCERT/CC alert, or scored CVSS ≥ minCvss.
 */
public record AlertRule(double minCvss, boolean kev, boolean japaneseAlerts) {

    public static AlertRule defaults() {
        return new AlertRule(9.0, true, true);
    }

    /**
     * The escalation level of an affected threat, or empty when the rule does not fire. The level names the
     * triggers that make it worse over time (KEV listing, a Japanese alert), so that each new one is a new alert:
     * {@code affected}, {@code affected+kev}, {@code affected+jp}, {@code affected+kev+jp}. A CVSS score alone
     * fires as {@code affected}.
     */
    public java.util.Optional<String> level(Threat threat) {
        boolean byKev = kev && threat.kev();
        boolean byJp = japaneseAlerts && threat.japaneseAlert();
        boolean byCvss = threat.cvss().map(s -> s >= minCvss).orElse(false);
        if (!byKev && !byJp && !byCvss) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("affected" + (byKev ? "+kev" : "") + (byJp ? "+jp" : ""));
    }
}
