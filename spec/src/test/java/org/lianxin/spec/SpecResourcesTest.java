package org.lianxin.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SpecResourcesTest {

    @Test
    void shapesListNamesEveryShapesFile() throws IOException, URISyntaxException {
        Path dir = Path.of(SpecResources.url("shapes/organizations.ttl").toURI()).getParent();
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> "shapes/" + p.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(SpecResources.SHAPES));
    }

    @Test
    void textResources() {
        assertTrue(SpecResources.openApi().startsWith("openapi:"), "OpenAPI document");
        assertTrue(SpecResources.contextJson().contains("\"@context\""));
        assertTrue(SpecResources.vocabulary().contains(LX.Member, null));
    }

    @Test
    void missingAndNonRdfFilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SpecResources.url("no/such/file.ttl"));
        assertThrows(IllegalArgumentException.class, () -> SpecResources.graph(SpecResources.OPENAPI));
    }
}
