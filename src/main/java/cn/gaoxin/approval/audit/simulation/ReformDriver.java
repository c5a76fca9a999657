package cn.gaoxin.approval.audit.simulation;

import java.util.List;

/**
 * Plays simulated cases through one reform model (process key), the way applicants and clerks would: start the
 * case, complete its tasks with plausible form values, correlate messages, fire timers after moving the engine
 * clock. A reform plugs into the demo history by adding a Spring bean implementing this interface; reforms
 * without a driver are skipped and reported.
 */
public interface ReformDriver {

  /** The process key of the model this driver plays. */
  String processKey();

  /**
   * The deployed models whose cases this driver plays: its own, and those its cases call (a stage, a partner's
   * part, the land-use stages) and that are never cases of their own. A reform none of whose keys is covered is reported as skipped.
   */
  default List<String> coveredKeys() {
    return List.of(processKey());
  }

  /** The scenarios this driver can play, with their share in a generated demo history. */
  List<Scenario> scenarios();

  /**
   * Plays one case from {@code planned.start()} on. The driver moves the clock only forward from there (through
   * {@link SimulationContext}), and leaves nothing pending that is due before the case's last step, unless the
   * scenario leaves the case open on purpose.
   */
  void play(PlannedCase planned, SimulationContext context);

  /** Calendar days a closed case may take at most; longer for a reform with a long public notice. */
  default int caseSpanDays() {
    return DemoHistory.CASE_SPAN;
  }

  /** A path through the model: a name, a Chinese description and its weight in a generated history. */
  record Scenario(String name, String label, int weight) {}
}
