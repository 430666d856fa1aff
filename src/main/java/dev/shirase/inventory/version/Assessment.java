package dev.shirase.inventory.version;

import dev.shirase.inventory.Verdict;

/** The outcome of comparing one asset version with what an advisory says: a verdict and why. */
public record Assessment(Verdict verdict, String detail) {
}
