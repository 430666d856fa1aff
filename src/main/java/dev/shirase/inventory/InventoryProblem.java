package dev.shirase.inventory;

/** One bad spot in an inventory file: where (file, line, key) and what is wrong. */
public record InventoryProblem(String file, int line, String key, String message) {
    public InventoryProblem {
        file = file == null ? "" : file;
        key = key == null ? "" : key;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return file + ":" + line + (key.isEmpty() ? "" : " [" + key + "]") + ": " + message;
    }
}
