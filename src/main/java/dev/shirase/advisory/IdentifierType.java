package dev.shirase.advisory;

/** The kinds of identifier that link one threat across sources. */
public enum IdentifierType {
    CVE, JVNDB, JVN, JVNVU, JPCERT, MYJVN_ALERT
}
