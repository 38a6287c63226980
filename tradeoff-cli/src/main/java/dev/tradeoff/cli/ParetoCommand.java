package dev.tradeoff.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeoff.cli.internal.BadInputException;
import dev.tradeoff.cli.internal.Csv;
import dev.tradeoff.cli.internal.Json;
import dev.tradeoff.pareto.CandidateSet;
import dev.tradeoff.pareto.Direction;
import dev.tradeoff.pareto.Objective;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tradeoff pareto}: the Pareto front, non-dominated ranks and crowding distances of the rows of a CSV
 * file, as JSON on standard output.
 *
 * <pre>{@code
 * $ cat candidates.csv
 * name,cost_usd_per_month,p95_ttft_ms,quality
 * gpt-4o-mini,120,610,0.78
 * claude-3-haiku,150,380,0.80
 * llama-70b,900,300,0.84
 * mistral-small,140,700,0.74
 * $ java -jar tradeoff.jar pareto --input candidates.csv --objective cost_usd_per_month:min \
 *     --objective p95_ttft_ms:min --objective quality:max
 * {"rows":4,"objectives":[...],"front":[0,1,2],"ranks":[0,0,0,1],"crowding":[null,2.0,null,null],...}
 * }</pre>
 *
 * <p>JSON contract: {@code front} (input row indices, from 0, ascending), {@code ranks} (one per input row,
 * 0 = front), {@code crowding} (one per input row: the NSGA-II crowding distance within the row's rank,
 * {@code null} where it is undefined — the extremes of a rank, which NSGA-II sets to +infinity, and a row alone
 * in its rank), {@code knee}
 * (the row index of the front's knee, {@code null} without rows) and {@code candidates} (every row with its
 * {@code row}, {@code rank}, {@code on_front}, {@code crowding} and every column: objective columns as numbers,
 * the others carried through as text).
 */
@Command(
    name = "pareto",
    mixinStandardHelpOptions = true,
    description = "Pareto front, ranks and crowding distances of the rows of a CSV file, as JSON.")
final class ParetoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE.csv",
      description = "CSV with a header row naming the columns (UTF-8).")
  Path input;

  @Option(names = "--objective", required = true, paramLabel = "NAME:min|max",
      description = "A column and its direction; repeat for each objective. Other columns are carried through.")
  List<String> objectives;

  @Override
  public Integer call() {
    List<Objective> parsed = parseObjectives(objectives);
    Csv.Table table = readTable(input);
    int[] columns = new int[parsed.size()];
    for (int j = 0; j < parsed.size(); j++) {
      int c = table.header().indexOf(parsed.get(j).name());
      if (c < 0) {
        throw new BadInputException(input + ": --objective '" + objectives.get(j) + "' names no column (columns: "
            + String.join(", ", table.header()) + ")");
      }
      columns[j] = c;
    }
    double[][] values = new double[table.rows().size()][parsed.size()];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      List<String> row = table.rows().get(i);
      for (int j = 0; j < columns.length; j++) {
        values[i][j] = number(row.get(columns[j]), table, i, parsed.get(j).name());
      }
      names.add("row " + i);
    }
    CandidateSet set = CandidateSet.of(parsed, names, values);
    spec.commandLine().getOut().println(Json.write(toJson(set, table, columns)));
    return TradeoffCli.OK;
  }

  static ObjectNode toJson(CandidateSet set, Csv.Table table, int[] objectiveColumns) {
    int n = set.size();
    int[] front = set.front();
    int[] ranks = set.ranks();
    double[] crowding = crowdingWithinRanks(set, ranks);
    boolean[] onFront = new boolean[n];
    for (int i : front) {
      onFront[i] = true;
    }
    ObjectNode root = Json.object();
    root.put("input", table.source());
    root.put("rows", n);
    ArrayNode objs = root.putArray("objectives");
    for (Objective o : set.objectives()) {
      objs.addObject().put("name", o.name()).put("direction", o.direction() == Direction.MINIMIZE ? "min" : "max");
    }
    ArrayNode frontJson = root.putArray("front");
    for (int i : front) {
      frontJson.add(i);
    }
    ArrayNode ranksJson = root.putArray("ranks");
    for (int r : ranks) {
      ranksJson.add(r);
    }
    ArrayNode crowdingJson = root.putArray("crowding");
    for (double c : crowding) {
      addNullable(crowdingJson, c);
    }
    OptionalInt knee = set.subset(front).knee();
    if (knee.isPresent()) {
      root.put("knee", front[knee.getAsInt()]);
    } else {
      root.putNull("knee");
    }
    ArrayNode candidates = root.putArray("candidates");
    for (int i = 0; i < n; i++) {
      ObjectNode c = candidates.addObject();
      c.put("row", i);
      c.put("rank", ranks[i]);
      c.put("on_front", onFront[i]);
      if (Double.isFinite(crowding[i])) {
        c.put("crowding", crowding[i]);
      } else {
        c.putNull("crowding");
      }
      ObjectNode columns = c.putObject("columns");
      List<String> row = table.rows().get(i);
      for (int col = 0; col < table.header().size(); col++) {
        int objective = indexOf(objectiveColumns, col);
        if (objective >= 0) {
          columns.put(table.header().get(col), set.value(i, objective));
        } else {
          columns.put(table.header().get(col), row.get(col));
        }
      }
    }
    return root;
  }

  /** NSGA-II crowding: each rank's members measured among themselves; NaN for a rank of one. */
  static double[] crowdingWithinRanks(CandidateSet set, int[] ranks) {
    double[] out = new double[ranks.length];
    int maxRank = -1;
    for (int r : ranks) {
      maxRank = Math.max(maxRank, r);
    }
    for (int r = 0; r <= maxRank; r++) {
      int count = 0;
      for (int rank : ranks) {
        if (rank == r) {
          count++;
        }
      }
      int[] members = new int[count];
      int k = 0;
      for (int i = 0; i < ranks.length; i++) {
        if (ranks[i] == r) {
          members[k++] = i;
        }
      }
      if (members.length == 1) {
        // Alone in its rank: no neighbours to measure against.
        out[members[0]] = Double.NaN;
        continue;
      }
      double[] d = set.subset(members).crowdingDistances();
      for (int m = 0; m < members.length; m++) {
        out[members[m]] = d[m];
      }
    }
    return out;
  }

  private static void addNullable(ArrayNode array, double value) {
    if (Double.isFinite(value)) {
      array.add(value);
    } else {
      array.addNull();
    }
  }

  private static int indexOf(int[] array, int value) {
    for (int i = 0; i < array.length; i++) {
      if (array[i] == value) {
        return i;
      }
    }
    return -1;
  }

  static List<Objective> parseObjectives(List<String> specs) {
    List<Objective> out = new ArrayList<>();
    for (String s : specs) {
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw new BadInputException("--objective '" + s + "' must be NAME:min or NAME:max");
      }
      String name = s.substring(0, colon).strip();
      String direction = s.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      Direction d;
      if (direction.equals("min") || direction.equals("minimize")) {
        d = Direction.MINIMIZE;
      } else if (direction.equals("max") || direction.equals("maximize")) {
        d = Direction.MAXIMIZE;
      } else {
        throw new BadInputException("--objective '" + s + "': direction must be min or max, but was '"
            + s.substring(colon + 1) + "'");
      }
      for (Objective o : out) {
        if (o.name().equals(name)) {
          throw new BadInputException("--objective '" + s + "': column '" + name + "' is named twice");
        }
      }
      out.add(Objective.of(name, d));
    }
    return out;
  }

  private static Csv.Table readTable(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--input: no such file: " + file);
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Csv.read(r, file.toString());
    } catch (NoSuchFileException e) {
      throw new BadInputException("--input: no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static double number(String text, Csv.Table table, int row, String column) {
    String t = text.strip();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new BadInputException(table.source() + " line " + table.line(row) + ", column '" + column
          + "': not a number: '" + text + "'");
    }
    if (!Double.isFinite(v)) {
      throw new BadInputException(table.source() + " line " + table.line(row) + ", column '" + column
          + "': must be finite, but was '" + text + "'");
    }
    return v;
  }
}
