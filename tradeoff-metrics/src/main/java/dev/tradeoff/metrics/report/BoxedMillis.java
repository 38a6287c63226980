package dev.tradeoff.metrics.report;

/**
 * Shares the boxed {@link Double}s of the {@code itl_ms} lists. A record keeps one box per inter-token gap, and a
 * load run keeps every record: at 1,000 streams of 100 tokens that was ~18,000 new boxes a second, each living
 * to the end of the run and copied by every young collection on its way to the old generation. Gaps rounded to
 * the microsecond repeat a lot (a server paces its tokens), so one box per distinct value is enough.
 *
 * <p>A direct-mapped table with racy, benign updates: {@link Double} is immutable (its value field is final, so a
 * box read through a race is fully constructed), a lost update only costs a new box, and a hit is checked against
 * the exact bits. Boxes are compared by value everywhere ({@code equals}, Jackson), never by identity.
 */
final class BoxedMillis {

  private static final int SIZE = 1 << 14;
  private static final Double[] TABLE = new Double[SIZE];

  private BoxedMillis() {}

  static Double of(double value) {
    long bits = Double.doubleToLongBits(value);
    int slot = (int) ((bits ^ (bits >>> 29) ^ (bits >>> 43)) * 0x9E3779B9L >>> 18) & (SIZE - 1);
    Double box = TABLE[slot];
    if (box != null && Double.doubleToLongBits(box) == bits) {
      return box;
    }
    box = value;
    TABLE[slot] = box;
    return box;
  }
}
