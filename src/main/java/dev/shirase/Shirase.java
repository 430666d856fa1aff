package dev.shirase;

/** Entry point; the CLI is wired in {@code dev.shirase.cli}. */
public final class Shirase {
    private Shirase() {
    }

    public static void main(String[] args) {
        System.out.println("Shirase: CLI not wired yet");
    }
}
