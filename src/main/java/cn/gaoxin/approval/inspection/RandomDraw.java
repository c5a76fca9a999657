package cn.gaoxin.approval.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The double-random draw (双随机): which enterprises are inspected and which two inspectors go to each. Deterministic:
 * the same seed over the same inputs always gives the same draw, so anyone holding the recorded seed, target list and
 * inspector list can re-run it and check the published result.
 *
 * <p>Algorithm (version 1, documented so it can be re-implemented independently): targets are sorted by credit code
 * (duplicates dropped), inspectors by user id; a {@link SplittableRandom} seeded with the seed draws the targets by a
 * partial Fisher–Yates shuffle (for i = 0..k-1: swap i with i + nextInt(n - i)); then inspectors are dealt from a deck
 * that is shuffled (full Fisher–Yates, from the last position down, swapping j with nextInt(j + 1)) whenever it runs
 * out: each drawn target, in draw order, gets the next inspector as lead and the next different one as second, so the
 * work is spread evenly. The result lists the assignments sorted by credit code.
 */
public final class RandomDraw {

  public static final String ALGORITHM = "GX-DRAW-1 (SplittableRandom, 部分 Fisher-Yates 抽取对象, 洗牌发牌选派执法人员)";
  /** Seeds are kept below 2^53 so that every client (including JavaScript in Tasklist) shows them exactly. */
  public static final long MAX_SEED = (1L << 53) - 1;

  public record Target(String creditCode, String name) {}

  public record Assignment(String creditCode, String name, String inspector, String coInspector) {}

  public record Result(long seed, int sampleSize, String inputsHash, List<Assignment> assignments) {}

  /** Fewer than two inspectors: no target can get the two the law requires. */
  public static class TooFewInspectorsException extends RuntimeException {
    public TooFewInspectorsException(int available) {
      super("执法检查人员名录中只有 " + available + " 人, 每户检查须随机选派 2 名执法人员, 请补充执法人员后重新抽取");
    }
  }

  private RandomDraw() {}

  public static Result draw(long seed, Collection<Target> pool, Collection<String> inspectors, int sampleSize) {
    if (seed < 0 || seed > MAX_SEED) {
      throw new IllegalArgumentException("抽取种子应为 0 到 " + MAX_SEED + " 之间的整数");
    }
    List<Target> targets = sortedTargets(pool);
    List<String> people = sortedInspectors(inspectors);
    if (sampleSize < 1 || sampleSize > targets.size()) {
      throw new IllegalArgumentException("抽取数量应在 1 到 " + targets.size() + " (名录库中的企业数) 之间, 实际为 " + sampleSize);
    }
    if (people.size() < 2) {
      throw new TooFewInspectorsException(people.size());
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = targets.size();
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    for (int i = 0; i < sampleSize; i++) {
      int j = i + random.nextInt(n - i);
      int t = index[i];
      index[i] = index[j];
      index[j] = t;
    }
    Deck deck = new Deck(people, random);
    List<Assignment> assignments = new ArrayList<>();
    for (int i = 0; i < sampleSize; i++) {
      Target target = targets.get(index[i]);
      String lead = deck.next();
      String second = deck.next();
      while (second.equals(lead)) {
        second = deck.next();
      }
      assignments.add(new Assignment(target.creditCode(), target.name(), lead, second));
    }
    assignments.sort(Comparator.comparing(Assignment::creditCode));
    return new Result(seed, sampleSize, inputsHash(targets, people, sampleSize), List.copyOf(assignments));
  }

  /** SHA-256 over the sorted inputs and the sample size: shows whether a re-run used the same inputs. */
  public static String inputsHash(Collection<Target> pool, Collection<String> inspectors, int sampleSize) {
    StringBuilder canonical = new StringBuilder("GX-DRAW-1\nsample=").append(sampleSize).append('\n');
    for (Target t : sortedTargets(pool)) {
      canonical.append("target=").append(t.creditCode()).append('\t').append(t.name()).append('\n');
    }
    for (String p : sortedInspectors(inspectors)) {
      canonical.append("inspector=").append(p).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Target> sortedTargets(Collection<Target> pool) {
    Map<String, Target> byCode = new LinkedHashMap<>();
    pool.stream().sorted(Comparator.comparing(Target::creditCode)).forEach(t -> byCode.putIfAbsent(t.creditCode(), t));
    return new ArrayList<>(byCode.values());
  }

  static List<String> sortedInspectors(Collection<String> inspectors) {
    return inspectors.stream().distinct().sorted().toList();
  }

  private static final class Deck {
    private final List<String> people;
    private final SplittableRandom random;
    private List<String> cards = List.of();
    private int position;

    Deck(List<String> people, SplittableRandom random) {
      this.people = people;
      this.random = random;
    }

    String next() {
      if (position == cards.size()) {
        List<String> shuffled = new ArrayList<>(people);
        for (int j = shuffled.size() - 1; j > 0; j--) {
          int k = random.nextInt(j + 1);
          String t = shuffled.get(j);
          shuffled.set(j, shuffled.get(k));
          shuffled.set(k, t);
        }
        cards = shuffled;
        position = 0;
      }
      return cards.get(position++);
    }
  }
}
