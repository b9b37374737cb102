package org.foresight.dynamics.model;

/**
 * Whether the SIMD kernels run on vector lanes: true when the JDK's incubating Vector API module
 * ({@code jdk.incubator.vector}) is in the boot layer, as {@code ./foresight}, the tests and the JMH forks
 * arrange with {@code --add-modules jdk.incubator.vector}, unless {@code -Dforesight.scalar=true}. Every SIMD
 * kernel has a scalar loop doing the same IEEE operations, so results are bit-identical either way; only
 * the speed differs. A plain {@code java -jar} without the module runs the scalar loops.
 */
public final class Simd {
    /** True when the vector kernels are used (decided once, at class initialisation). */
    public static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("foresight.scalar");

    private Simd() {
    }
}
