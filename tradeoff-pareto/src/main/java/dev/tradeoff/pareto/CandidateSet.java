package dev.tradeoff.pareto;

import dev.tradeoff.pareto.internal.Crowding;
import dev.tradeoff.pareto.internal.Hypervolume;
import dev.tradeoff.pareto.internal.Knee;
import dev.tradeoff.pareto.internal.NonDominated;
import dev.tradeoff.pareto.internal.Ranks;
import dev.tradeoff.pareto.internal.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Named candidates measured on named {@link Objective}s, each minimized or maximized, some with hard bounds:
 * the input of a decision. Knows which candidates the bounds exclude and why, and answers the Pareto questions
 * (front, ranks, crowding, hypervolume, knee) in the objectives' own directions and units.
 *
 * <pre>{@code
 * CandidateSet all = CandidateSet.builder(
 *         Objective.minimize("monthlyCostUsd").atMost(500),
 *         Objective.minimize("p95TtftMs").atMost(800),
 *         Objective.maximize("quality"))
 *     .add("gpt-4o-mini", 120, 420, 0.78)
 *     .add("claude-haiku", 150, 380, 0.80)
 *     .add("llama-70b-h100", 900, 300, 0.84)   // excluded: over budget
 *     .add("mistral-small", 140, 500, 0.74)
 *     .build();
 * all.exclusions();               // [llama-70b-h100 excluded: monthlyCostUsd = 900.0 > 500.0]
 * CandidateSet feasible = all.feasible();
 * int[] front = feasible.front(); // indices into feasible; feasible.name(i) names them
 * }</pre>
 *
 * <p>The analyses ({@link #front()}, {@link #ranks()}, ...) consider every candidate of this set; call
 * {@link #feasible()} first to drop the excluded ones. Values must be finite ({@code -0.0} is read as
 * {@code 0.0}); names of candidates and of objectives must be unique and non-blank. Immutable and thread-safe;
 * arrays passed in are copied, arrays returned are fresh.
 *
 * @since 0.1.0
 */
public final class CandidateSet {

  private final List<Objective> objectives;
  private final List<String> names;
  private final int n;
  private final int d;
  /** Values as given (with -0.0 normalized), row-major. */
  private final double[] raw;
  /** Values in minimization form (maximized objectives negated), row-major. */
  private final double[] min;
  private final List<Exclusion> exclusions;
  private final boolean[] excluded;

  private CandidateSet(List<Objective> objectives, List<String> names, double[] raw) {
    this.objectives = objectives;
    this.names = names;
    this.n = names.size();
    this.d = objectives.size();
    this.raw = raw;
    this.min = new double[raw.length];
    Direction[] directions = new Direction[d];
    for (int j = 0; j < d; j++) {
      directions[j] = objectives.get(j).direction();
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        min[i * d + j] = directions[j].toMinimization(raw[i * d + j]);
      }
    }
    List<Exclusion> found = new ArrayList<>();
    this.excluded = new boolean[n];
    for (int i = 0; i < n; i++) {
      List<Violation> violations = null;
      for (int j = 0; j < d; j++) {
        Objective o = objectives.get(j);
        double v = raw[i * d + j];
        Violation violation = null;
        if (o.upperBound().isPresent() && v > o.upperBound().getAsDouble()) {
          violation = new Violation(o.name(), Violation.Bound.UPPER, o.upperBound().getAsDouble(), v);
        } else if (o.lowerBound().isPresent() && v < o.lowerBound().getAsDouble()) {
          violation = new Violation(o.name(), Violation.Bound.LOWER, o.lowerBound().getAsDouble(), v);
        }
        if (violation != null) {
          if (violations == null) {
            violations = new ArrayList<>();
          }
          violations.add(violation);
        }
      }
      if (violations != null) {
        excluded[i] = true;
        found.add(new Exclusion(i, names.get(i), violations));
      }
    }
    this.exclusions = List.copyOf(found);
  }

  /**
   * A candidate set from a matrix with one row per candidate and one column per objective.
   *
   * <pre>{@code
   * CandidateSet set = CandidateSet.of(
   *     List.of(Objective.minimize("costUsd"), Objective.maximize("quality")),
   *     List.of("a", "b"),
   *     new double[][] {{10, 0.8}, {12, 0.9}});
   * }</pre>
   *
   * @param objectives the objectives, at least one, unique names
   * @param names the candidates' names, unique, one per row
   * @param values the values, {@code values[candidate][objective]}, finite
   * @return the set
   * @throws IllegalArgumentException if sizes disagree, a name is blank or repeated, or a value is not finite
   *     ({@code "values[2][1] must be finite, but was NaN (candidate 'b', objective 'quality')"})
   * @throws NullPointerException if an argument, element or row is null
   */
  public static CandidateSet of(List<Objective> objectives, List<String> names, double[][] values) {
    List<Objective> objs = checkObjectives(objectives);
    List<String> ns = List.copyOf(Require.nonNull(names, "names"));
    Require.nonNull(values, "values");
    if (values.length != ns.size()) {
      throw Require.invalid("values.length", "equal to names.size() " + ns.size(), values.length);
    }
    int dims = objs.size();
    double[] flat = new double[ns.size() * dims];
    for (int i = 0; i < values.length; i++) {
      double[] row = Require.row(values, i, "values");
      if (row.length != dims) {
        throw Require.invalid("values[" + i + "].length", "equal to the number of objectives " + dims,
            row.length);
      }
      for (int j = 0; j < dims; j++) {
        flat[i * dims + j] = finiteValue(row[j], i, j, ns.get(i), objs.get(j));
      }
    }
    checkNames(ns);
    return new CandidateSet(objs, ns, flat);
  }

  /**
   * A builder adding candidates one at a time.
   *
   * @param objectives the objectives, at least one, unique names
   * @return the builder
   * @throws IllegalArgumentException if there is no objective or two share a name
   */
  public static Builder builder(Objective... objectives) {
    return new Builder(checkObjectives(Arrays.asList(Require.nonNull(objectives, "objectives"))));
  }

  /**
   * A builder adding candidates one at a time.
   *
   * @param objectives the objectives, at least one, unique names
   * @return the builder
   * @throws IllegalArgumentException if there is no objective or two share a name
   */
  public static Builder builder(List<Objective> objectives) {
    return new Builder(checkObjectives(objectives));
  }

  /**
   * Accumulates candidates; not thread-safe, use once.
   *
   * <pre>{@code
   * CandidateSet set = CandidateSet.builder(Objective.minimize("costUsd")).add("a", 3).add("b", 4).build();
   * }</pre>
   */
  public static final class Builder {
    private final List<Objective> objectives;
    private final List<String> names = new ArrayList<>();
    private double[] values = new double[16];
    private int size;

    private Builder(List<Objective> objectives) {
      this.objectives = objectives;
    }

    /**
     * Adds a candidate.
     *
     * @param name its unique name
     * @param values one finite value per objective, in objective order
     * @return this builder
     * @throws IllegalArgumentException if the count is wrong or a value is not finite
     * @throws NullPointerException if an argument is null
     */
    public Builder add(String name, double... values) {
      Require.nonNull(name, "name");
      Require.nonNull(values, "values");
      int dims = objectives.size();
      int i = names.size();
      if (values.length != dims) {
        throw Require.invalid("values.length of candidate '" + name + "'",
            "equal to the number of objectives " + dims, values.length);
      }
      if (size + dims > this.values.length) {
        this.values = Arrays.copyOf(this.values, Math.max(2 * this.values.length, size + dims));
      }
      for (int j = 0; j < dims; j++) {
        this.values[size + j] = finiteValue(values[j], i, j, name, objectives.get(j));
      }
      size += dims;
      names.add(name);
      return this;
    }

    /**
     * The candidate set.
     *
     * @return the set
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    public CandidateSet build() {
      List<String> ns = List.copyOf(names);
      checkNames(ns);
      return new CandidateSet(objectives, ns, Arrays.copyOf(values, size));
    }
  }

  /**
   * The number of candidates.
   *
   * @return the size, {@code >= 0}
   */
  public int size() {
    return n;
  }

  /**
   * The objectives, in column order.
   *
   * @return an unmodifiable list
   */
  public List<Objective> objectives() {
    return objectives;
  }

  /**
   * The candidates' names, in row order.
   *
   * @return an unmodifiable list
   */
  public List<String> names() {
    return names;
  }

  /**
   * A candidate's name.
   *
   * @param candidate its index
   * @return the name
   * @throws IndexOutOfBoundsException if out of range
   */
  public String name(int candidate) {
    return names.get(candidate);
  }

  /**
   * The index of a candidate.
   *
   * @param name its name
   * @return the index, or empty if no candidate has that name
   */
  public OptionalInt indexOf(String name) {
    int i = names.indexOf(name);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * The index of an objective.
   *
   * @param name its name
   * @return the index, or empty if no objective has that name
   */
  public OptionalInt objectiveIndex(String name) {
    for (int j = 0; j < d; j++) {
      if (objectives.get(j).name().equals(name)) {
        return OptionalInt.of(j);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * One value, as given.
   *
   * @param candidate the candidate's index
   * @param objective the objective's index
   * @return the value
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double value(int candidate, int objective) {
    java.util.Objects.checkIndex(candidate, n);
    java.util.Objects.checkIndex(objective, d);
    return raw[candidate * d + objective];
  }

  /**
   * One candidate's values, as given.
   *
   * @param candidate the index
   * @return a fresh array, one value per objective
   * @throws IndexOutOfBoundsException if out of range
   */
  public double[] values(int candidate) {
    java.util.Objects.checkIndex(candidate, n);
    return Arrays.copyOfRange(raw, candidate * d, candidate * d + d);
  }

  /**
   * All values as a matrix, as given.
   *
   * @return a fresh {@code size() x objectives().size()} matrix
   */
  public double[][] matrix() {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = values(i);
    }
    return out;
  }

  /**
   * The candidates that fail at least one hard bound, each with every bound it fails, in index order.
   *
   * @return an unmodifiable list, empty if all are feasible
   */
  public List<Exclusion> exclusions() {
    return exclusions;
  }

  /**
   * Whether a candidate satisfies every hard bound.
   *
   * @param candidate the index
   * @return true if feasible
   * @throws IndexOutOfBoundsException if out of range
   */
  public boolean isFeasible(int candidate) {
    java.util.Objects.checkIndex(candidate, n);
    return !excluded[candidate];
  }

  /**
   * The candidates that satisfy every hard bound, in their original order.
   *
   * @return this set if nothing is excluded, else a new set
   */
  public CandidateSet feasible() {
    if (exclusions.isEmpty()) {
      return this;
    }
    int[] keep = new int[n - exclusions.size()];
    int o = 0;
    for (int i = 0; i < n; i++) {
      if (!excluded[i]) {
        keep[o++] = i;
      }
    }
    return subset(keep);
  }

  /**
   * The candidates at the given indices, in the given order.
   *
   * <pre>{@code
   * CandidateSet front = set.subset(set.front());
   * }</pre>
   *
   * @param candidates indices into this set, without repeats
   * @return a new set with the same objectives
   * @throws IndexOutOfBoundsException if an index is out of range
   * @throws IllegalArgumentException if an index repeats
   */
  public CandidateSet subset(int... candidates) {
    Require.nonNull(candidates, "candidates");
    List<String> ns = new ArrayList<>(candidates.length);
    double[] flat = new double[candidates.length * d];
    boolean[] seen = new boolean[n];
    for (int t = 0; t < candidates.length; t++) {
      int i = java.util.Objects.checkIndex(candidates[t], n);
      if (seen[i]) {
        throw Require.invalid("candidates[" + t + "]", "not repeated", i);
      }
      seen[i] = true;
      ns.add(names.get(i));
      System.arraycopy(raw, i * d, flat, t * d, d);
    }
    return new CandidateSet(objectives, List.copyOf(ns), flat);
  }

  /**
   * Indices of the non-dominated candidates (in each objective's direction), ascending.
   *
   * @return the front; see {@link Pareto#front(double[][])}
   */
  public int[] front() {
    return NonDominated.front(min, n, d);
  }

  /**
   * Non-dominated rank of every candidate: 0 = front.
   *
   * @return the ranks; see {@link Pareto#ranks(double[][])}
   */
  public int[] ranks() {
    return Ranks.ranks(min, n, d);
  }

  /**
   * Crowding distance of every candidate within this set; see {@link Pareto#crowdingDistances(double[][])}.
   *
   * @return the distances, {@code >= 0} or {@code +Infinity}
   */
  public double[] crowdingDistances() {
    return Crowding.distances(min, n, d);
  }

  /**
   * The hypervolume against a reference point in the objectives' own units and directions: the reference must
   * be at least every candidate's value of a minimized objective and at most every candidate's value of a
   * maximized one.
   *
   * <pre>{@code
   * // cost (min, USD), quality (max): the region better than 1000 USD and quality 0.5
   * double hv = set.hypervolume(1000, 0.5); // in USD x quality units
   * }</pre>
   *
   * @param reference one value per objective
   * @return the volume, {@code >= 0}
   * @throws IllegalArgumentException if the length is wrong, a value is not finite, or the reference does not
   *     bound the candidates
   * @throws ArithmeticException if the volume, or a lower-dimensional cross-section of it, exceeds
   *     {@link Double#MAX_VALUE} (rescale the objectives)
   */
  public double hypervolume(double... reference) {
    Require.nonNull(reference, "reference");
    if (reference.length != d) {
      throw Require.invalid("reference.length", "equal to the number of objectives " + d, reference.length);
    }
    double[] ref = new double[d];
    for (int j = 0; j < d; j++) {
      Objective o = objectives.get(j);
      double r = Require.finite(reference[j], "reference[" + j + "] ('" + o.name() + "')");
      for (int i = 0; i < n; i++) {
        double v = raw[i * d + j];
        boolean outside = o.direction() == Direction.MINIMIZE ? v > r : v < r;
        if (outside) {
          throw Require.invalid("reference[" + j + "] ('" + o.name() + "')",
              (o.direction() == Direction.MINIMIZE ? ">= " : "<= ") + "every candidate's value (candidate '"
                  + names.get(i) + "' has " + v + ")", r);
        }
      }
      ref[j] = o.direction().toMinimization(r);
    }
    Pareto.checkBounded(min, n, ref, "candidates", "reference", "objective ");
    return Hypervolume.compute(min, n, d, ref);
  }

  /**
   * The knee of the front; see {@link Pareto#knee(double[][])}.
   *
   * @return the index of the knee, empty only if the set is empty
   */
  public OptionalInt knee() {
    int k = Knee.index(min, n, d);
    return k < 0 ? OptionalInt.empty() : OptionalInt.of(k);
  }

  /**
   * The values as given, row-major, for scoring in this module; never exposed.
   *
   * @return the internal array (do not modify)
   */
  double[] rawValues() {
    return raw;
  }

  @Override
  public String toString() {
    return "CandidateSet{" + n + " candidates x " + d + " objectives, " + exclusions.size() + " excluded}";
  }

  private static List<Objective> checkObjectives(List<Objective> objectives) {
    List<Objective> objs = List.copyOf(Require.nonNull(objectives, "objectives"));
    if (objs.isEmpty()) {
      throw Require.invalid("objectives", "non-empty", objs);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < objs.size(); j++) {
      Integer before = seen.put(objs.get(j).name(), j);
      if (before != null) {
        throw Require.invalid("objectives[" + j + "].name", "unique (objectives[" + before + "] has it too)",
            "'" + objs.get(j).name() + "'");
      }
    }
    return objs;
  }

  private static void checkNames(List<String> names) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw Require.invalid("names[" + i + "]", "non-blank", "\"" + name + "\"");
      }
      Integer before = seen.put(name, i);
      if (before != null) {
        throw Require.invalid("names[" + i + "]", "unique (names[" + before + "] has it too)", "'" + name + "'");
      }
    }
  }

  private static double finiteValue(double v, int i, int j, String candidate, Objective objective) {
    if (!Double.isFinite(v)) {
      throw Require.invalid("values[" + i + "][" + j + "]", "finite", v + " (candidate '" + candidate
          + "', objective '" + objective.name() + "')");
    }
    return v + 0.0;
  }
}
