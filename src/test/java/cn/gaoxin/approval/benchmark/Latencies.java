package cn.gaoxin.approval.benchmark;

import java.util.Arrays;

/**
 * Latencies of one operation: every call's duration kept (a few hundred thousand longs at most), sorted once for
 * exact percentiles. No histogram library: the counts are small enough that exact order statistics are cheaper
 * than a dependency.
 */
final class Latencies {

  private long[] nanos = new long[1024];
  private int n;

  void add(long duration) {
    if (n == nanos.length) {
      nanos = Arrays.copyOf(nanos, n * 2);
    }
    nanos[n++] = duration;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.n; i++) {
      add(other.nanos[i]);
    }
  }

  int count() {
    return n;
  }

  /** Milliseconds at quantile q (nearest rank), or NaN without samples. */
  double millis(double q) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, rank))] / 1e6;
  }

  double median() {
    return millis(0.5);
  }

  double max() {
    return millis(1.0);
  }
}
