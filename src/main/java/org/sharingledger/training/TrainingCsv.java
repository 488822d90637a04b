package org.sharingledger.training;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidLines;
import org.sharingledger.platform.rules.InvalidLines.LineProblem;
import org.sharingledger.training.api.TrainingRecords;

/**
 * Reads a training file as RFC 4180 CSV: fields separated by commas, a field in double quotes may hold commas, line
 * breaks and quotes (doubled), lines end in CRLF or LF, a UTF-8 byte order mark is skipped. Its rows are numbered as a
 * spreadsheet numbers them (the header is row 1; a quoted line break does not start a new row). Rows with nothing in
 * them are skipped. The file's shape (UTF-8, the header, quotes, the number of fields) is checked here; what each
 * field holds is the service's to check.
 */
final class TrainingCsv {

    static final List<String> COLUMNS = List.of(TrainingRecords.CSV_HEADER.split(","));

    private TrainingCsv() {}

    /** One row of the file, as a spreadsheet numbers it, and its fields. */
    record Row(int line, List<String> fields) {}

    /** The rows after the header that could be read, and the problems of those that could not. */
    record Parsed(List<Row> rows, List<LineProblem> problems) {}

    /**
     * The rows after the header, and the problems of the rows that are not well-formed CSV. A file that is not UTF-8,
     * is empty, has the wrong header or too many lines is refused at once ({@link InvalidInput}, {@link InvalidLines}).
     */
    static Parsed rows(byte[] file) {
        String text = utf8(file);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidInput(
                    "body",
                    "is empty: send the header line " + TrainingRecords.CSV_HEADER + " and a line per attendance");
        }
        List<LineProblem> problems = new ArrayList<>();
        List<Row> rows = parse(text, problems);
        if (rows.isEmpty() || rows.get(0).line() != 1 || !header(rows.get(0).fields())) {
            throw new InvalidLines(
                    List.of(new LineProblem(1, "header", "must be exactly " + TrainingRecords.CSV_HEADER)));
        }
        List<Row> records = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.fields().size() != COLUMNS.size()) {
                problems.add(new LineProblem(
                        row.line(),
                        "line",
                        "has " + row.fields().size() + " fields where the header has " + COLUMNS.size()));
                continue;
            }
            records.add(row);
        }
        int lines = records.size() + problems.size();
        if (lines > TrainingRecords.MAX_CSV_LINES) {
            throw new InvalidInput(
                    "body",
                    "has " + lines + " lines of attendances; at most " + TrainingRecords.MAX_CSV_LINES
                            + " may be imported at once: split the file");
        }
        return new Parsed(records, problems);
    }

    private static boolean header(List<String> fields) {
        List<String> names = fields.stream().map(String::strip).toList();
        return names.equals(COLUMNS);
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("body", "is not UTF-8 text: save the file as CSV UTF-8");
        }
    }

    /**
     * Every row of the text, the header included. A malformed row (a quote inside an unquoted field, text after a
     * closing quote) is noted as a problem and read on to its end; a quote never closed is the last row's problem.
     */
    static List<Row> parse(String text, List<LineProblem> problems) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean bad = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                if (!bad) {
                    rows.add(new Row(row, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                bad = false;
                row++;
            } else if (c == '"') {
                if (field.isEmpty() && !afterQuote) {
                    quoted = true;
                } else if (!bad) {
                    problems.add(new LineProblem(
                            row,
                            column(fields.size()),
                            "has a quote inside it: put the field in quotes and double it"));
                    bad = true;
                }
            } else if (afterQuote) {
                if (!bad) {
                    problems.add(new LineProblem(row, column(fields.size()), "has text after its closing quote"));
                    bad = true;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            problems.add(new LineProblem(row, column(fields.size()), "opens a quote that is never closed"));
        } else if (!fields.isEmpty() || !field.isEmpty() || afterQuote) {
            fields.add(field.toString());
            if (!bad) {
                rows.add(new Row(row, List.copyOf(fields)));
            }
        }
        return rows;
    }

    private static String column(int index) {
        return index < COLUMNS.size() ? COLUMNS.get(index) : "line";
    }
}
