package org.foresight.viz;

import java.util.Arrays;
import org.foresight.dynamics.log.RunLog;
import org.foresight.dynamics.log.TrajectoryLog;
import org.foresight.dynamics.model.ControlIndex;
import org.foresight.dynamics.model.StateIndex;

/**
 * The per-cycle series of a run as primitive columns, entry c for cycle c: start time [s], true pose [m, rad],
 * speeds [m/s, rad/s], commands, planning time and latency [ms], overruns, planner modes and statuses. A
 * recorded run's columns are its {@link RunLog}'s arrays (not copied); a live run's grow by doubling as cycles
 * are appended. Read through {@link ReplayData}; not thread-safe.
 */
final class CycleColumns {
    /** Cycles held (entries beyond are capacity). */
    int n;
    double[] t;
    double[] x;
    double[] y;
    double[] theta;
    double[] v;
    double[] omega;
    double[] cmdV;
    double[] cmdOmega;
    double[] planMs;
    double[] latencyMs;
    boolean[] overrun;
    String[] modes;
    String[] statuses;

    /** A recorded run's columns (shared with the log). */
    CycleColumns(RunLog log) {
        TrajectoryLog tr = log.trajectory;
        n = tr.length();
        t = log.times;
        x = tr.column("x");
        y = tr.column("y");
        theta = tr.column("theta");
        v = tr.column("v");
        omega = tr.column("omega");
        cmdV = tr.column("cmd_v");
        cmdOmega = tr.column("cmd_omega");
        planMs = log.planMs;
        latencyMs = log.latencyMs;
        overrun = log.overrun;
        modes = log.modes;
        statuses = log.statuses;
    }

    /** Empty columns for a live run, room for {@code cap} cycles before the first growth. */
    CycleColumns(int cap) {
        t = new double[cap];
        x = new double[cap];
        y = new double[cap];
        theta = new double[cap];
        v = new double[cap];
        omega = new double[cap];
        cmdV = new double[cap];
        cmdOmega = new double[cap];
        planMs = new double[cap];
        latencyMs = new double[cap];
        overrun = new boolean[cap];
        modes = new String[cap];
        statuses = new String[cap];
    }

    /** Appends one cycle (a state without speeds gets NaN speeds). */
    void append(CycleSnapshot s) {
        if (n == t.length) {
            int cap = Math.max(16, 2 * n);
            t = Arrays.copyOf(t, cap);
            x = Arrays.copyOf(x, cap);
            y = Arrays.copyOf(y, cap);
            theta = Arrays.copyOf(theta, cap);
            v = Arrays.copyOf(v, cap);
            omega = Arrays.copyOf(omega, cap);
            cmdV = Arrays.copyOf(cmdV, cap);
            cmdOmega = Arrays.copyOf(cmdOmega, cap);
            planMs = Arrays.copyOf(planMs, cap);
            latencyMs = Arrays.copyOf(latencyMs, cap);
            overrun = Arrays.copyOf(overrun, cap);
            modes = Arrays.copyOf(modes, cap);
            statuses = Arrays.copyOf(statuses, cap);
        }
        t[n] = s.t;
        x[n] = s.state[StateIndex.X];
        y[n] = s.state[StateIndex.Y];
        theta[n] = s.state[StateIndex.THETA];
        v[n] = s.state.length > StateIndex.V ? s.state[StateIndex.V] : Double.NaN;
        omega[n] = s.state.length > StateIndex.OMEGA ? s.state[StateIndex.OMEGA] : Double.NaN;
        cmdV[n] = s.cmd[ControlIndex.V];
        cmdOmega[n] = s.cmd[ControlIndex.OMEGA];
        planMs[n] = s.planMs;
        latencyMs[n] = s.latencyMs;
        overrun[n] = s.overrun;
        modes[n] = s.mode;
        statuses[n] = s.status;
        n++;
    }
}
