package org.lianxin.node.rosters;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.lianxin.node.records.RecordCollection;

/**
 * The imports of every hosted node: started on a pool of their own, so that a request is answered
 * at once (202) and a large file runs while its progress is asked (spec 15.5). An import is
 * forgotten, its file deleted, an hour after it finished (LX-ROSTER-22).
 */
@ApplicationScoped
public class RosterImports {

    private static final Logger LOG = Logger.getLogger(RosterImports.class.getName());

    /** How long a finished import, its report and its file are kept. */
    static final Duration KEPT = Duration.ofHours(1);

    /** Two imports at a time: each keeps a core busy; more wait their turn as Queued. */
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lianxin-roster-import");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, RosterImport> imports = new ConcurrentHashMap<>();

    /** What an import runs: the file read and imported, with the import told of its progress. */
    public interface Work {
        RosterReport run(RosterImport running);
    }

    /** Registers an import and starts it; {@code count} gives the rows of the file, for the progress. */
    public RosterImport start(String url, String nodeId, String owner, boolean dryRun, RosterSource source,
                              java.util.function.IntSupplier count, Work work) {
        forgetExpired();
        String id = RecordCollection.newId();
        RosterImport started = new RosterImport(id, url + "/" + id, nodeId, owner, dryRun, source);
        imports.put(id, started);
        pool.submit(() -> {
            try {
                started.running(count.getAsInt());
                started.done(work.run(started));
            } catch (RosterFileException e) {
                started.failed(e.getMessage());
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "roster import " + id + " failed", e);
                started.failed("The import stopped on an error of the node; nothing after the last batch written was stored.");
            }
        });
        return started;
    }

    /** The import with this id, of this node, started by this caller (LX-ROSTER-19). */
    public Optional<RosterImport> get(String nodeId, String id, String caller) {
        forgetExpired();
        return Optional.ofNullable(imports.get(id)).filter(i -> i.nodeId().equals(nodeId) && i.owner().equals(caller));
    }

    private void forgetExpired() {
        Instant limit = Instant.now().minus(KEPT);
        imports.values().removeIf(i -> {
            boolean expired = i.finished().map(f -> f.isBefore(limit)).orElse(false);
            if (expired) {
                delete(i);
            }
            return expired;
        });
    }

    private static void delete(RosterImport i) {
        try {
            Files.deleteIfExists(i.source().file());
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + i.source().file(), e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        imports.values().forEach(RosterImports::delete);
    }

    /** The charset of a Content-Type's parameter, if it names one. */
    static Optional<Charset> charset(jakarta.ws.rs.core.MediaType type) {
        String name = type == null ? null : type.getParameters().get("charset");
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            throw org.lianxin.node.problems.ProblemException.badRequest("The charset " + name + " is not known; send UTF-8 or GB18030.");
        }
    }
}
