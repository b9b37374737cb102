package org.foresight.worldmodel.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.foresight.worldmodel.data.Episode;
import org.foresight.worldmodel.data.Transitions;
import org.foresight.worldmodel.features.Inputs;
import org.foresight.worldmodel.model.BodyDelta;
import org.foresight.worldmodel.model.MlpModel;

/**
 * Trains an {@link MlpModel} with Adam (Kingma &amp; Ba 2015) in two phases on the same loss, a window of H
 * steps rolled out through the network's own velocity predictions:
 * <pre>
 *   v̂₀, ω̂₀ measured;  d̂ₖ = g(v̂ₖ, ω̂ₖ, cmd_vₖ, cmd_ωₖ);  v̂ₖ₊₁ = v̂ₖ + d̂ₖ,v;  ω̂ₖ₊₁ = ω̂ₖ + d̂ₖ,ω
 *   L = mean over windows and k of  Σ_{r ∈ f,l,θ} ((d̂ₖ,r − dₖ,r)/σ_r)² + ((v̂ₖ₊₁ − vₖ₊₁)/σ_v)² + ((ω̂ₖ₊₁ − ωₖ₊₁)/σ_ω)²
 * </pre>
 * with σ the output normalisation (standard deviation of each body-frame target). Phase 1 uses H = 1, which
 * is exactly the one-step loss; phase 2 uses H = {@link MlpConfig#rolloutSteps()} (the multi-step loss),
 * gradients by back-propagation through time along the velocity recursion (the pose does not feed back,
 * since the network sees only velocities and commands).
 *
 * <p>Deterministic per seed: one seeded stream draws initial weights and batches on the calling thread; each
 * batch's gradient is split into {@value #CHUNKS} fixed chunks summed in a fixed order, so the thread count
 * does not change a single bit.
 */
public final class MlpTrainer {
    /** Fixed number of gradient chunks per batch (independent of the thread count). */
    public static final int CHUNKS = 2;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private MlpTrainer() {
    }

    /** Per-episode training arrays. */
    private record Ep(double[][] z, double[][] d, int pairs) {
    }

    /**
     * Trains.
     *
     * @param train  training episodes (same dt).
     * @param config settings.
     * @param seed   seed of weights and batches.
     * @return the trained model.
     */
    public static MlpModel train(List<Episode> train, MlpConfig config, long seed) {
        return train(train, config, seed, FitProgress.NONE);
    }

    /**
     * As {@link #train(List, MlpConfig, long)}, reporting the optimiser steps done.
     *
     * @param train    training episodes.
     * @param config   network and training settings.
     * @param seed     seed of the weights and batches.
     * @param progress receives (steps done, total steps) every 64 steps and at the end.
     * @return the trained model.
     */
    public static MlpModel train(List<Episode> train, MlpConfig config, long seed, FitProgress progress) {
        double dt = LinearFitter.dt(train);
        List<Ep> eps = new ArrayList<>();
        for (Episode e : train) {
            Transitions t = new Transitions(List.of(e));
            double[][] z = new double[Inputs.DIM][];
            double[][] d = new double[BodyDelta.DIM][];
            for (int i = 0; i < Inputs.DIM; i++) {
                z[i] = t.input(i);
            }
            for (int r = 0; r < BodyDelta.DIM; r++) {
                d[r] = t.target(r);
            }
            eps.add(new Ep(z, d, t.size()));
        }
        Transitions all = new Transitions(train);
        double[] inMean = new double[Inputs.DIM];
        double[] inStd = new double[Inputs.DIM];
        double[] outMean = new double[BodyDelta.DIM];
        double[] outStd = new double[BodyDelta.DIM];
        for (int i = 0; i < Inputs.DIM; i++) {
            double[] ms = meanStd(all.input(i));
            inMean[i] = ms[0];
            inStd[i] = ms[1];
        }
        for (int r = 0; r < BodyDelta.DIM; r++) {
            double[] ms = meanStd(all.target(r));
            outMean[r] = ms[0];
            outStd[r] = ms[1];
        }
        int[] sizes = new int[config.depth() + 2];
        sizes[0] = Inputs.DIM;
        for (int l = 1; l <= config.depth(); l++) {
            sizes[l] = config.width();
        }
        sizes[sizes.length - 1] = BodyDelta.DIM;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] params = initialise(sizes, rng);
        Net net = new Net(sizes, inMean, inStd, outMean, outStd);

        int pairs = all.size();
        long steps1 = Math.max(1, config.oneStepSamples() / config.batchSize());
        steps1 = Math.max(steps1, (pairs + config.batchSize() - 1) / config.batchSize());
        int h = config.rolloutSteps();
        int windowsPerBatch = Math.max(1, config.batchSize() / Math.max(1, h) * 2);
        long steps2 = config.rolloutSamples() == 0 ? 0
                : Math.max(1, config.rolloutSamples() / ((long) windowsPerBatch * h));
        long totalSteps = steps1 + steps2;
        double[] m = new double[params.length];
        double[] v = new double[params.length];
        Worker[] workers = new Worker[CHUNKS];
        for (int c = 0; c < CHUNKS; c++) {
            workers[c] = new Worker(net, Math.max(h, 1), params.length);
        }
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(Math.min(config.threads(), CHUNKS), r -> {
            Thread t = new Thread(r, "mlp-trainer");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            long t = 0;
            for (long s = 0; s < totalSteps; s++) {
                boolean rollout = s >= steps1;
                int window = rollout ? h : 1;
                int batch = rollout ? windowsPerBatch : config.batchSize();
                int[] epIdx = new int[batch];
                int[] start = new int[batch];
                for (int b = 0; b < batch; b++) {
                    int e;
                    do {
                        e = rng.nextInt(eps.size());
                    } while (eps.get(e).pairs() < window);
                    epIdx[b] = e;
                    start[b] = rng.nextInt(eps.get(e).pairs() - window + 1);
                }
                double scale = 1.0 / ((double) batch * window);
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CHUNKS; c++) {
                    final Worker w = workers[c];
                    final int from = c * batch / CHUNKS;
                    final int to = (c + 1) * batch / CHUNKS;
                    Runnable job = () -> w.gradient(params, eps, epIdx, start, from, to, window, scale);
                    if (pool != null) {
                        futures.add(pool.submit(job));
                    } else {
                        job.run();
                    }
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (Exception ex) {
                        throw new IllegalStateException("MLP gradient worker failed: " + ex.getMessage(), ex);
                    }
                }
                t++;
                double lr = config.learningRate() * (1.0 - 0.9 * (double) s / Math.max(1, totalSteps - 1));
                double c1 = 1.0 - Math.pow(BETA1, t);
                double c2 = 1.0 - Math.pow(BETA2, t);
                for (int i = 0; i < params.length; i++) {
                    double g = 0;
                    for (int c = 0; c < CHUNKS; c++) {
                        g += workers[c].grad[i];
                    }
                    // Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε)
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                    params[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
                }
                if ((s & 63) == 63 || s == totalSteps - 1) {
                    progress.update(s + 1, totalSteps);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new MlpModel(dt, sizes, params, inMean, inStd, outMean, outStd);
    }

    private static double[] initialise(int[] sizes, SplittableRandom rng) {
        double[] p = new double[MlpModel.parameterCount(sizes)];
        int off = 0;
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            // Glorot uniform; the output layer starts 10× smaller so the first predictions are near the mean
            double a = Math.sqrt(6.0 / (in + out)) * (l == sizes.length - 1 ? 0.1 : 1.0);
            for (int i = 0; i < out * in; i++) {
                p[off + i] = (2 * rng.nextDouble() - 1) * a;
            }
            off += out * in + out;
        }
        return p;
    }

    /** Mean and standard deviation (floored at 1e-9 of the scale, 1 if the data are constant zero). */
    static double[] meanStd(double[] a) {
        double mean = 0;
        for (double x : a) {
            mean += x;
        }
        mean /= Math.max(1, a.length);
        double ss = 0;
        for (double x : a) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / Math.max(1, a.length));
        if (!(std > 1e-12)) {
            std = 1.0;
        }
        return new double[] {mean, std};
    }

    /** Network shape and normalisation shared by the workers. */
    private record Net(int[] sizes, double[] inMean, double[] inStd, double[] outMean, double[] outStd) {
        int layers() {
            return sizes.length - 1;
        }

        int actWidth() {
            int n = 0;
            for (int s : sizes) {
                n += s;
            }
            return n;
        }

        int maxWidth() {
            int n = 0;
            for (int s : sizes) {
                n = Math.max(n, s);
            }
            return n;
        }
    }

    /** One chunk's workspace: activations of a window, deltas, and its gradient. */
    private static final class Worker {
        final Net net;
        final double[][] acts;
        final double[] dHat;
        final double[] vHat;
        final double[] wHat;
        final double[] grad;
        final double[] deltaA;
        final double[] deltaB;
        final int[] actOff;

        Worker(Net net, int maxWindow, int paramCount) {
            this.net = net;
            acts = new double[maxWindow][net.actWidth()];
            dHat = new double[maxWindow * BodyDelta.DIM];
            vHat = new double[maxWindow + 1];
            wHat = new double[maxWindow + 1];
            grad = new double[paramCount];
            deltaA = new double[net.maxWidth()];
            deltaB = new double[net.maxWidth()];
            actOff = new int[net.sizes().length];
            for (int l = 1; l < actOff.length; l++) {
                actOff[l] = actOff[l - 1] + net.sizes()[l - 1];
            }
        }

        void gradient(double[] params, List<Ep> eps, int[] epIdx, int[] start, int from, int to, int window, double scale) {
            java.util.Arrays.fill(grad, 0.0);
            int[] sizes = net.sizes();
            int last = net.layers();
            for (int b = from; b < to; b++) {
                Ep ep = eps.get(epIdx[b]);
                int s0 = start[b];
                vHat[0] = ep.z()[Inputs.V][s0];
                wHat[0] = ep.z()[Inputs.OMEGA][s0];
                // forward through the window
                for (int k = 0; k < window; k++) {
                    int i = s0 + k;
                    double[] a = acts[k];
                    a[Inputs.V] = (vHat[k] - net.inMean()[Inputs.V]) / net.inStd()[Inputs.V];
                    a[Inputs.OMEGA] = (wHat[k] - net.inMean()[Inputs.OMEGA]) / net.inStd()[Inputs.OMEGA];
                    a[Inputs.CMD_V] = (ep.z()[Inputs.CMD_V][i] - net.inMean()[Inputs.CMD_V]) / net.inStd()[Inputs.CMD_V];
                    a[Inputs.CMD_OMEGA] = (ep.z()[Inputs.CMD_OMEGA][i] - net.inMean()[Inputs.CMD_OMEGA]) / net.inStd()[Inputs.CMD_OMEGA];
                    int p = 0;
                    for (int l = 1; l <= last; l++) {
                        int in = sizes[l - 1];
                        int out = sizes[l];
                        int bias = p + out * in;
                        int ai = actOff[l - 1];
                        int ao = actOff[l];
                        for (int o = 0; o < out; o++) {
                            double acc = params[bias + o];
                            int row = p + o * in;
                            for (int j = 0; j < in; j++) {
                                acc += params[row + j] * a[ai + j];
                            }
                            a[ao + o] = l < last ? Math.tanh(acc) : acc;
                        }
                        p = bias + out;
                    }
                    for (int r = 0; r < BodyDelta.DIM; r++) {
                        dHat[k * BodyDelta.DIM + r] = net.outMean()[r] + net.outStd()[r] * a[actOff[last] + r];
                    }
                    vHat[k + 1] = vHat[k] + dHat[k * BodyDelta.DIM + BodyDelta.V];
                    wHat[k + 1] = wHat[k] + dHat[k * BodyDelta.DIM + BodyDelta.OMEGA];
                }
                // backward through time
                double gv = 0;
                double gw = 0;
                double[] os = net.outStd();
                for (int k = window - 1; k >= 0; k--) {
                    int i = s0 + k;
                    double vMeas = ep.z()[Inputs.V][i] + ep.d()[BodyDelta.V][i];
                    double wMeas = ep.z()[Inputs.OMEGA][i] + ep.d()[BodyDelta.OMEGA][i];
                    gv += 2 * scale * (vHat[k + 1] - vMeas) / (os[BodyDelta.V] * os[BodyDelta.V]);
                    gw += 2 * scale * (wHat[k + 1] - wMeas) / (os[BodyDelta.OMEGA] * os[BodyDelta.OMEGA]);
                    double[] delta = deltaA;
                    int outW = BodyDelta.DIM;
                    for (int r = 0; r < BodyDelta.DIM; r++) {
                        double gd;
                        if (r == BodyDelta.V) {
                            gd = gv;
                        } else if (r == BodyDelta.OMEGA) {
                            gd = gw;
                        } else {
                            gd = 2 * scale * (dHat[k * BodyDelta.DIM + r] - ep.d()[r][i]) / (os[r] * os[r]);
                        }
                        delta[r] = gd * os[r];
                    }
                    double[] a = acts[k];
                    int p = MlpModel.parameterCount(sizes);
                    double[] next = deltaB;
                    for (int l = last; l >= 1; l--) {
                        int in = sizes[l - 1];
                        int out = sizes[l];
                        p -= out * in + out;
                        int bias = p + out * in;
                        int ai = actOff[l - 1];
                        for (int o = 0; o < out; o++) {
                            double g = delta[o];
                            grad[bias + o] += g;
                            int row = p + o * in;
                            for (int j = 0; j < in; j++) {
                                grad[row + j] += g * a[ai + j];
                            }
                        }
                        for (int j = 0; j < in; j++) {
                            double g = 0;
                            for (int o = 0; o < out; o++) {
                                g += params[p + o * in + j] * delta[o];
                            }
                            // through tanh of the previous layer (not for the input layer)
                            next[j] = l - 1 >= 1 ? g * (1 - a[ai + j] * a[ai + j]) : g;
                        }
                        double[] tmp = delta;
                        delta = next;
                        next = tmp;
                        outW = in;
                    }
                    // delta now holds ∂L/∂(normalised input); chain into v̂ₖ, ω̂ₖ
                    gv += delta[Inputs.V] / net.inStd()[Inputs.V];
                    gw += delta[Inputs.OMEGA] / net.inStd()[Inputs.OMEGA];
                }
            }
        }
    }
}
