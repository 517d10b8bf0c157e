package org.lianxin.node.rosters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A CSV roster, read one record at a time (RFC 4180 with commons-csv): in UTF-8, with or without a
 * byte order mark, or in GB18030, the encoding Excel writes "CSV" in on a Chinese Windows (spec 15.2).
 */
public final class CsvSheet {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private CsvSheet() {}

    /** Reads every record of {@code file} into {@code rows}, in {@code charset}, or the one {@link #detect} finds. */
    public static void read(Path file, Optional<Charset> charset, SheetRows rows) {
        Charset encoding = charset.orElseGet(() -> detect(file));
        try (InputStream in = BOMInputStream.builder().setInputStream(new BufferedInputStream(Files.newInputStream(file))).get();
             Reader reader = new InputStreamReader(in, encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                rows.row((int) record.getRecordNumber(), cells);
            }
        } catch (CharacterCodingException e) {
            throw new RosterFileException("The CSV file is not " + encoding.name() + " text; save it as UTF-8 or GB18030 CSV.");
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new RosterFileException("The CSV file is not " + encoding.name() + " text; save it as UTF-8 or GB18030 CSV.");
            }
            throw new RosterFileException("The CSV file cannot be read: " + e.getCause().getMessage());
        } catch (IllegalStateException e) {
            throw new RosterFileException("The CSV file is not well-formed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * UTF-8 when the file starts with its byte order mark or its first 64 KB are valid UTF-8;
     * GB18030 otherwise. Chinese text in GB18030 is almost never valid UTF-8.
     */
    public static Charset detect(Path file) {
        byte[] head = new byte[SNIFF];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, SNIFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(ByteBuffer.wrap(head, 0, n), CharBuffer.allocate(n + 1), n < SNIFF);
        return result.isError() ? GB18030 : StandardCharsets.UTF_8;
    }
}
