package dev.shirase.deliver;

/** What one {@link Outbox#deliverDue} pass did. */
public record DeliveryReport(int sent, int retrying, int failed) {
    public int attempted() {
        return sent + retrying + failed;
    }
}
