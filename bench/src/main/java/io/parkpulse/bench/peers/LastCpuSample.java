package io.parkpulse.bench.peers;

import io.parkpulse.bench.load.ProcessCpu;
import java.util.OptionalDouble;

/**
 * The CPU time of a process that exits at the end of what is measured ({@code mosquitto_sub -C}): /proc forgets a
 * process once it is reaped, so its CPU seconds are sampled every 20 ms and the last sample is kept — short by at most
 * one interval's use.
 */
final class LastCpuSample {

    private final Thread sampler;
    private volatile double last = Double.NaN;

    private LastCpuSample(long pid) {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                OptionalDouble now = ProcessCpu.seconds(pid);
                if (now.isEmpty()) {
                    return;
                }
                last = now.getAsDouble();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cpu-of-" + pid);
        sampler.setDaemon(true);
    }

    static LastCpuSample follow(long pid) {
        LastCpuSample sample = new LastCpuSample(pid);
        sample.sampler.start();
        return sample;
    }

    /** Stops sampling; the last CPU seconds seen, or NaN when none was. */
    double stop() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        return last;
    }
}
