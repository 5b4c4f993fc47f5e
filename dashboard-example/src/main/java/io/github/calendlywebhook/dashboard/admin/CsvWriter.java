package io.github.calendlywebhook.dashboard.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes RFC 4180 CSV that is safe to open in a spreadsheet: a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '}, so text from Calendly
 * (an invitee named {@code =HYPERLINK(...)}) is shown as text and never evaluated as a formula.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder();

    /**
     * Appends one row.
     *
     * @param cells the cells; {@code null} is written as an empty cell
     * @return this writer
     */
    public CsvWriter row(List<? extends @Nullable Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            out.append(quote(neutralize(cell == null ? "" : cell.toString())));
        }
        out.append("\r\n");
        return this;
    }

    /** Returns the CSV text written so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Returns the cell with a leading {@code '} when a spreadsheet would read it as a formula.
     *
     * @param cell the cell text
     * @return the safe text
     */
    static String neutralize(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String quote(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || cell.startsWith(" ") || cell.endsWith(" ");
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
