package dev.shirase.digest;

/** Whether a message is the scheduled newsletter or an immediate alert. */
public enum Kind {
    DIGEST, ALERT
}
