package dev.tradeoff.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes (a quote inside a quoted
 * field is doubled; quoted fields may span lines), the first record is the header. A UTF-8 byte-order mark and
 * blank lines are skipped; CRLF and LF both end a record.
 *
 * <pre>{@code
 * Csv.Table t = Csv.read(reader, "candidates.csv");
 * t.header();      // [name, cost_usd, p95_ms]
 * t.rows().get(0); // [gpt-4o-mini, 120, 610]
 * t.line(0);       // 2: the file line where row 0 starts
 * }</pre>
 */
public final class Csv {

  private Csv() {}

  /**
   * The header and the data rows of a CSV file.
   *
   * @param source the file name, for messages
   * @param header the column names
   * @param rows the data rows, each as long as the header
   * @param lines the file line (from 1) where each row starts
   */
  public record Table(String source, List<String> header, List<List<String>> rows, List<Integer> lines) {

    /** Copies the lists. */
    public Table {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
      lines = List.copyOf(lines);
    }

    /**
     * The file line where a row starts.
     *
     * @param row the row index, from 0
     * @return the line number, from 1
     */
    public int line(int row) {
      return lines.get(row);
    }
  }

  /**
   * Reads a whole CSV text.
   *
   * @param reader the text (not closed)
   * @param source the file name, for messages
   * @return the table
   * @throws IOException if reading fails
   * @throws BadInputException if there is no header, a column name is blank or repeated, a row has the wrong
   *     number of fields, or a quote is not closed (naming file and line)
   */
  public static Table read(Reader reader, String source) throws IOException {
    BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    List<List<String>> records = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int line = 1;
    boolean first = true;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    boolean recordHasContent = false;
    int recordStart = 1;
    int c;
    while ((c = in.read()) != -1) {
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              in.reset();
            }
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
        continue;
      }
      switch (c) {
        case '"':
          if (field.length() > 0 || fieldWasQuoted) {
            throw new BadInputException(source + " line " + line + ": a quote may only open a field");
          }
          quoted = true;
          fieldWasQuoted = true;
          recordHasContent = true;
          break;
        case ',':
          fields.add(field.toString());
          field.setLength(0);
          fieldWasQuoted = false;
          recordHasContent = true;
          break;
        case '\r':
          break;
        case '\n':
          if (recordHasContent || field.length() > 0) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
            starts.add(recordStart);
          }
          fields.clear();
          field.setLength(0);
          fieldWasQuoted = false;
          recordHasContent = false;
          line++;
          recordStart = line;
          break;
        default:
          if (fieldWasQuoted) {
            throw new BadInputException(source + " line " + line + ": text after a closing quote");
          }
          field.append((char) c);
          recordHasContent = true;
      }
    }
    if (quoted) {
      throw new BadInputException(source + " line " + recordStart + ": a quoted field is not closed");
    }
    if (recordHasContent || field.length() > 0) {
      fields.add(field.toString());
      records.add(List.copyOf(fields));
      starts.add(recordStart);
    }
    if (records.isEmpty()) {
      throw new BadInputException(source + ": empty file, expected a header row naming the columns");
    }
    List<String> header = new ArrayList<>();
    for (String name : records.get(0)) {
      header.add(name.strip());
    }
    for (int j = 0; j < header.size(); j++) {
      if (header.get(j).isEmpty()) {
        throw new BadInputException(source + " line " + starts.get(0) + ": column " + (j + 1) + " has no name");
      }
      if (header.indexOf(header.get(j)) != j) {
        throw new BadInputException(source + " line " + starts.get(0) + ": column name '" + header.get(j)
            + "' appears twice");
      }
    }
    List<List<String>> rows = records.subList(1, records.size());
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) {
        throw new BadInputException(source + " line " + starts.get(i + 1) + ": " + rows.get(i).size()
            + " fields, but the header has " + header.size());
      }
    }
    return new Table(source, header, rows, starts.subList(1, starts.size()));
  }
}
