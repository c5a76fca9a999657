package cn.gaoxin.approval.benchmark;

/**
 * What one case executed, counted from the engine's history: the baseline plays a bare model with exactly these
 * counts. Timers and message waits are counted twice: those created (a job or subscription that costs writes even
 * when it never fires, e.g. an overdue warning or the other branch of an event-based gateway) and those that fired.
 */
record CaseShape(int userTasks, int serviceTasks, int gateways, int asyncSteps, int timersFired, int timersUnfired,
    int messagesReceived, int messageWaitsUnused, int callActivities, int otherActivities, boolean open,
    int plainVariables, int jsonVariables, int plainUpdates, int jsonUpdates) {

  /** A process key for the bare model of this shape. */
  String key() {
    return "bench-bare-u" + userTasks + "s" + serviceTasks + "g" + gateways + "a" + asyncSteps + "t" + timersFired
        + "x" + timersUnfired + "m" + messagesReceived + "w" + messageWaitsUnused + "c" + callActivities + "o"
        + otherActivities;
  }

  /** The same shape as a string that groups identical cases (open cases stop before their last wait). */
  String signature() {
    return key() + (open ? "-open" : "");
  }

  int activities() {
    return userTasks + serviceTasks + gateways + timersFired + messagesReceived + callActivities + otherActivities;
  }
}
