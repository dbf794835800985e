package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/** A scanner's id and its API key, shown this once: the server keeps only a hash. */
public record DeviceKey(String id, String apiKey) {

    public DeviceKey {
        requiredText(id, "id");
        requiredText(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "DeviceKey[id=" + id + ", apiKey=***]";
    }
}
