package org.sharingledger.projections.csv;

import java.util.List;

/**
 * Writes rows as CSV (RFC 4180): fields separated by commas, every record ended by CRLF, a field quoted when it holds
 * a comma, a quote, CR or LF (quotes doubled inside). {@code null} is an empty field. Every value but a number or a
 * boolean whose text starts, after any leading spaces, with {@code = + - @}, a tab or a carriage return gets a leading
 * single quote (as OWASP recommends against CSV injection), so a spreadsheet shows it instead of running it as a
 * formula; numbers are written as they are. Every CSV the ledger serves is written here, so all are defused alike.
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
        if (!(value instanceof Number || value instanceof Boolean) && wouldRun(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * Whether a spreadsheet could take the text for a formula: its first character, after any leading spaces, is
     * {@code = + - @}, a tab or a carriage return (OWASP's list for CSV injection).
     */
    static boolean wouldRun(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && "=+-@\t\r".indexOf(text.charAt(i)) >= 0;
    }
}
