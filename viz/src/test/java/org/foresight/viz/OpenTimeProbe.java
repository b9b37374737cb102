package org.foresight.viz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.foresight.dynamics.log.RunLog;

/**
 * Measures how long a large run takes to open (read + precompute + first frame) and to draw frames
 * while scrubbing. Not a test (no timed assertions); run by hand:
 * {@code java -cp <test classpath> org.foresight.viz.OpenTimeProbe DIR [cycles] [rollouts] [poses] [beams]}.
 */
public final class OpenTimeProbe {
    private OpenTimeProbe() {
    }

    /**
     * @param args run directory (written if missing), cycles, rollouts per cycle, poses per rollout, beams.
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int poses = args.length > 3 ? Integer.parseInt(args[3]) : 57;
        int beams = args.length > 4 ? Integer.parseInt(args[4]) : 720;
        if (!Files.exists(dir.resolve("result.json"))) {
            long w0 = System.nanoTime();
            SyntheticRun.write(dir, n, k, poses, beams);
            System.out.printf("wrote %d cycles in %.1f s%n", n, (System.nanoTime() - w0) * 1e-9);
        }
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            RunLog log = RunLog.read(dir);
            long t1 = System.nanoTime();
            ReplayData data = ReplayData.of(log);
            FrameRenderer r = new FrameRenderer(data);
            Viewport view = r.fitView(1280, 800);
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1280, 800,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
            java.awt.Graphics2D g = img.createGraphics();
            r.render(g, 1280, 800, data.cycles() - 1, view);
            long t2 = System.nanoTime();
            Random rnd = new Random(1);
            int frames = 200;
            long s0 = System.nanoTime();
            long worst = 0;
            for (int i = 0; i < frames; i++) {
                long f0 = System.nanoTime();
                r.render(g, 1280, 800, rnd.nextInt(data.cycles()), view);
                worst = Math.max(worst, System.nanoTime() - f0);
            }
            long s1 = System.nanoTime();
            System.out.printf("read %.0f ms, first frame %.0f ms, open total %.0f ms; scrub: mean %.1f ms/frame, worst %.1f ms%n",
                    (t1 - t0) * 1e-6, (t2 - t1) * 1e-6, (t2 - t0) * 1e-6, (s1 - s0) * 1e-6 / frames, worst * 1e-6);
            g.dispose();
        }
        FrameExporter.writePng(ReplayData.of(RunLog.read(dir)), 10.0, dir.resolve("probe.png"), 1280, 800);
    }
}
