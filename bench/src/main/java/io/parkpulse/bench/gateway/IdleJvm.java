package io.parkpulse.bench.gateway;

/**
 * The baseline of {@link GatewayMemoryBench}: a JVM doing nothing, started with the gateway's flags, so that what
 * the JVM itself costs (heap reserved and touched, metaspace, code cache, thread stacks, CDS archive) can be told
 * apart from what the gateway adds.
 */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
