package org.sharingledger.projections.csv;

import java.util.List;

/**
 * Writes rows as CSV (RFC 4180): fields separated by commas, every record ended by CRLF, a field quoted when it holds
 * a comma, a quote, CR or LF (quotes doubled inside). {@code null} is an empty field. Text that starts with
 * {@code = + - @} gets a leading single quote, so a spreadsheet shows it instead of running it as a formula; numbers
 * and other non-text values are written as they are.
 */
public final class Csv {

    private Csv() {}

    /** The rows, each a list of values, as one CSV document. */
    public static String write(List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<?> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** One field: quoted where needed, and defused when it is text a spreadsheet would run as a formula. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
