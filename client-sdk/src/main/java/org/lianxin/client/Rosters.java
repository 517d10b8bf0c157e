package org.lianxin.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Rosters（党员名册, spec chapter 15, class Rosters): a branch's spreadsheet in, member records out,
 * and a subtree's roster out as a spreadsheet. An import is checked row by row before anything is
 * written; the node answers at once and reads the file in the background, so an import is started,
 * then followed until it is over, and its report says what became of every row.
 *
 * <pre>{@code
 * RosterImport checked = client.rosters().importFrom(Path.of("支部名册.xlsx")).dryRun().execute();
 * RosterImport.Report report = client.rosters().await(checked.id(), Duration.ofMinutes(5)).report().orElseThrow();
 * report.errors().forEach(e -> System.out.println(e.row() + " " + e.column() + ": " + e.message() + " " + e.suggestion()));
 * Files.write(Path.of("要修改的行.xlsx"), client.rosters().reportSpreadsheet(checked.id()));   // the rejected rows, with 错误说明
 * client.rosters().export(branch).xlsx().purpose("名册核对").to(Path.of("名册.xlsx"));
 * }</pre>
 */
public final class Rosters {

    /** The media type of a CSV roster, UTF-8 or GB18030 (spec 15.2); {@code text/csv; charset=GB18030} names the encoding. */
    public static final String CSV = "text/csv";

    /** The media type of an XLSX roster (spec 15.2). */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String CLASS = "Rosters";
    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);
    private final LianxinClient client;

    Rosters(LianxinClient client) {
        this.client = client;
    }

    /**
     * An import of the roster {@code file}, its media type told by its name ({@code .csv} or {@code .xlsx}),
     * to start with {@code execute()}.
     *
     * @param file the roster
     * @return the import, to which a dry run, a default branch and a mapping document can be added
     */
    public ImportDraft importFrom(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
            throw new IllegalArgumentException("A roster is a .csv or an .xlsx file; name its media type for " + file);
        }
        return importFrom(file, name.endsWith(".csv") ? CSV : XLSX);
    }

    /**
     * An import of the roster {@code file}, to start with {@code execute()}.
     *
     * @param file      the roster
     * @param mediaType {@link #CSV} (with a {@code charset} parameter, or the node tells UTF-8 from GB18030) or {@link #XLSX}
     * @return the import, to which a dry run, a default branch and a mapping document can be added
     */
    public ImportDraft importFrom(Path file, String mediaType) {
        return new ImportDraft(Objects.requireNonNull(file, "file"), null, mediaType);
    }

    /**
     * An import of the roster read from {@code roster}, to start with {@code execute()}: the stream is
     * read to its end into a temporary file first (the file is sent again when the node refuses a token),
     * and not closed.
     *
     * @param roster    the roster's bytes
     * @param mediaType {@link #CSV} (with a {@code charset} parameter, or the node tells UTF-8 from GB18030) or {@link #XLSX}
     * @return the import, to which a dry run, a default branch and a mapping document can be added
     */
    public ImportDraft importFrom(InputStream roster, String mediaType) {
        return new ImportDraft(null, Objects.requireNonNull(roster, "roster"), mediaType);
    }

    /**
     * Where the import {@code rosterImport} stands now: rows done of the total, and once Done its report.
     *
     * @param rosterImport its IRI
     * @return the import; a {@link ProblemException} 404 for any caller but the one who started it
     */
    public RosterImport progress(String rosterImport) {
        client.requireClass(CLASS);
        return RosterImport.of(client.get(rosterImport));
    }

    /**
     * Waits until the import is Done, asking for its progress every 200 ms at first and every 2 s at most.
     *
     * @param rosterImport its IRI
     * @param timeout      how long to wait at most
     * @return the import, Done, with its report; a {@link LianxinException} when it Failed or is not over by the timeout
     */
    public RosterImport await(String rosterImport, Duration timeout) {
        return await(rosterImport, timeout, progress -> { });
    }

    /**
     * {@link #await(String, Duration)}, handing each progress read to {@code listener}, e.g. to draw a progress bar.
     *
     * @param rosterImport its IRI
     * @param timeout      how long to wait at most
     * @param listener     called with every progress read, the last one included
     * @return the import, Done, with its report; a {@link LianxinException} when it Failed or is not over by the timeout
     */
    public RosterImport await(String rosterImport, Duration timeout, Consumer<RosterImport> listener) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration wait = FIRST_POLL;
        while (true) {
            RosterImport now = progress(rosterImport);
            listener.accept(now);
            if (now.state().equals("Done")) {
                return now;
            }
            if (now.state().equals("Failed")) {
                throw new LianxinException("The import " + rosterImport + " failed: " + now.error().orElse("the node gives no reason"));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LianxinException("The import " + rosterImport + " is not over after " + timeout + ": " + now.state() + ", "
                        + now.rowsDone() + " of " + now.rowsTotal().map(String::valueOf).orElse("?") + " rows.");
            }
            LianxinClient.sleep(wait.toNanos() < left ? wait : Duration.ofNanos(left));
            Duration longer = wait.multipliedBy(3).dividedBy(2);
            wait = longer.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : longer;
        }
    }

    /**
     * {@link #await(String, Duration)} on the client's executor.
     *
     * @param rosterImport its IRI
     * @param timeout      how long to wait at most
     * @return the import, when Done
     */
    public CompletableFuture<RosterImport> awaitAsync(String rosterImport, Duration timeout) {
        return client.async(() -> await(rosterImport, timeout));
    }

    /**
     * The report of a finished import as a spreadsheet (spec 15.6): the rejected rows as the file had
     * them, under its headers, with the columns 导入结果 and 错误说明, to fix and import again.
     *
     * @param rosterImport its IRI
     * @return the XLSX workbook; a {@link ProblemException} 409 while the import is not Done
     */
    public byte[] reportSpreadsheet(String rosterImport) {
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        reportSpreadsheet(rosterImport, sheet);
        return sheet.toByteArray();
    }

    /**
     * {@link #reportSpreadsheet(String)} written to {@code out}, which is not closed.
     *
     * @param rosterImport its IRI
     * @param out          where the workbook goes
     * @return the bytes written
     */
    public long reportSpreadsheet(String rosterImport, OutputStream out) {
        client.requireClass(CLASS);
        return client.download(rosterImport, XLSX, out);
    }

    /**
     * The roster of {@code organization}'s subtree (spec 15.7): the members the caller may read, in the
     * columns an import reads, CSV unless set; masked unless a purpose is stated (LX-ROSTER-14).
     *
     * @param organization the organization, an IRI or its id on this node
     * @return the export, to write with {@code to(...)}
     */
    public ExportQuery export(String organization) {
        return new ExportQuery(Objects.requireNonNull(organization, "organization"));
    }

    /** An import to start: the file, and a dry run, a default branch and a mapping document as set. */
    public final class ImportDraft {
        private final Path file;
        private final InputStream stream;
        private final String mediaType;
        private final List<String> query = new ArrayList<>();
        private boolean dryRun;

        private ImportDraft(Path file, InputStream stream, String mediaType) {
            this.file = file;
            this.stream = stream;
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        }

        /**
         * Checks every row and writes nothing (LX-ROSTER-7): the report says what an import would do.
         *
         * @return this import
         */
        public ImportDraft dryRun() {
            this.dryRun = true;
            return this;
        }

        /**
         * The branch of the rows that name none.
         *
         * @param organization an organization of this node the caller may write, its IRI or id
         * @return this import
         */
        public ImportDraft branch(String organization) {
            query.add("branch=" + LianxinClient.enc(Objects.requireNonNull(organization, "organization")));
            return this;
        }

        /**
         * Reads a layout other than the profile's with a mapping document (spec 15.4), e.g.
         * {@code {"columns": {"身份证": "nationalId"}, "values": {"gender": {"1": "男", "2": "女"}}}}.
         *
         * @param document the mapping document as JSON text
         * @return this import; an invalid document is a {@link ProblemException} 400 (LX-ROSTER-17) on {@code execute()}
         */
        public ImportDraft mapping(String document) {
            query.add("mapping=" + LianxinClient.enc(Objects.requireNonNull(document, "document")));
            return this;
        }

        /**
         * Sends the file; the node answers at once, and reads and writes it in the background. Never
         * retried, as a second import of the file would be a second import; a refused token is renewed
         * once and the file sent again.
         *
         * @return the import as started, Queued or Running; a {@link ProblemException} 415 for another media type,
         *         422 (LX-ROSTER-16) for a file without a roster's header, 403 for a caller who may not write members
         */
        public RosterImport execute() {
            client.requireClass(CLASS);
            if (file != null) {
                return send(file);
            }
            Path spooled = null;
            try {
                spooled = Files.createTempFile("lianxin-roster-", mediaType.startsWith(CSV) ? ".csv" : ".xlsx");
                Files.copy(stream, spooled, StandardCopyOption.REPLACE_EXISTING);
                return send(spooled);
            } catch (IOException e) {
                throw new UncheckedIOException("The roster could not be read: " + e.getMessage(), e);
            } finally {
                deleteQuietly(spooled);
            }
        }

        /**
         * {@link #execute()} on the client's executor.
         *
         * @return the import, when started
         */
        public CompletableFuture<RosterImport> executeAsync() {
            return client.async(this::execute);
        }

        private RosterImport send(Path roster) {
            String url = client.base() + "/members/imports?dryRun=" + dryRun + (query.isEmpty() ? "" : "&" + String.join("&", query));
            try {
                return RosterImport.of(client.post(url, mediaType, HttpRequest.BodyPublishers.ofFile(roster), 202));
            } catch (java.io.FileNotFoundException e) {
                throw new UncheckedIOException("No roster at " + roster, e);
            }
        }
    }

    /** {@code GET {base}/members/export}: a subtree's roster, written to a file or a stream. */
    public final class ExportQuery {
        private final String organization;
        private boolean xlsx;
        private String purpose;

        private ExportQuery(String organization) {
            this.organization = organization;
        }

        /**
         * An XLSX workbook, dates as date cells, instead of CSV (UTF-8 with a byte order mark).
         *
         * @return this export
         */
        public ExportQuery xlsx() {
            this.xlsx = true;
            return this;
        }

        /**
         * The values in full, for a stated purpose, which the node audits (LX-ROSTER-18); masked without one.
         *
         * @param purpose why, e.g. 名册核对
         * @return this export
         */
        public ExportQuery purpose(String purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * Writes the roster to {@code out}, which is not closed.
         *
         * @param out where it goes
         * @return the bytes written; a {@link ProblemException} 404 for an organization the caller may not read
         */
        public long to(OutputStream out) {
            client.requireClass(CLASS);
            String url = client.base() + "/members/export?organization=" + LianxinClient.enc(organization) + "&format=" + (xlsx ? "xlsx" : "csv");
            String accept = xlsx ? XLSX : CSV;
            return purpose == null ? client.download(url, accept, out)
                    : client.download(url, accept, out, "Lianxin-Purpose", LianxinClient.enc(purpose));
        }

        /**
         * Writes the roster to {@code file}, replacing it only once the whole roster has arrived: a
         * failed export leaves no partial file.
         *
         * @param file where it goes
         * @return {@code file}
         */
        public Path to(Path file) {
            Path absolute = file.toAbsolutePath();
            Path part = null;
            try {
                part = Files.createTempFile(absolute.getParent(), ".lianxin-export-", ".part");
                try (OutputStream out = Files.newOutputStream(part)) {
                    to(out);
                }
                Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING);
                part = null;
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("The roster could not be written to " + file + ": " + e.getMessage(), e);
            } finally {
                deleteQuietly(part);
            }
        }

        /**
         * {@link #to(Path)} on the client's executor.
         *
         * @param file where it goes
         * @return {@code file}, when written
         */
        public CompletableFuture<Path> toAsync(Path file) {
            return client.async(() -> to(file));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is the system's to clean up
        }
    }
}
