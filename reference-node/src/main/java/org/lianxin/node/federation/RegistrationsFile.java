package org.lianxin.node.federation;

import static org.lianxin.node.rdf.JsonP.JSON;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.lianxin.node.federation.StartupRegistrations.Registration;

/**
 * The federation file ({@code lianxin.federation.file}): the children each hosted node registers
 * at start-up, as {@code {"children": [{"parent": "<hosted node id>", "child": "<base URL>"}]}}.
 * A file that cannot be read stops the start: a node must not run half-configured.
 */
public final class RegistrationsFile {

    private RegistrationsFile() {}

    public static List<Registration> read(Optional<String> path) {
        if (path.isEmpty() || path.get().isBlank()) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(Path.of(path.get()), StandardCharsets.UTF_8)) {
            JsonObject file = JSON.createReader(reader).readObject();
            List<Registration> registrations = new ArrayList<>();
            for (JsonValue entry : file.getJsonArray("children")) {
                JsonObject child = entry.asJsonObject();
                registrations.add(new Registration(child.getString("parent"), child.getString("child")));
            }
            return registrations;
        } catch (IOException | JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("lianxin.federation.file " + path.get() + " is not a readable federation file", e);
        }
    }
}
