package io.parkpulse.chaos;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of a fault whose gateway reads are checked ({@link GatewayDeliveryCheck}): opened with the fault's load, before
 * the warm-up and the injection, and ended once the fault was lifted and the load has settled. The meters keep
 * answering before and after it: reads outside a window are simply not counted, so the gateway runs unchanged from one
 * fault into the next and no fault needs to run last.
 *
 * <p>While open it samples the gateway's /status and memory every {@value #EVERY_MS} ms for the peaks: messages awaiting an
 * end-to-end ack (the backlog the gateway held) and resident memory. Thread-safe: a sampling thread, peaks atomic.
 */
final class GatewayWindow implements AutoCloseable {

    static final int EVERY_MS = 250;

    private final GatewayRig gateway;
    private final long fromMs;
    private final GatewayStatus atOpen;
    private final AtomicLong peakUnconfirmed = new AtomicLong();
    private final AtomicLong peakRssMb = new AtomicLong(-1);
    private final Thread sampler;
    private volatile long toMs = -1;
    private volatile GatewayStatus atClose;

    private GatewayWindow(GatewayRig gateway) {
        this.gateway = gateway;
        this.fromMs = System.currentTimeMillis();
        this.atOpen = gateway.status();
        this.sampler = new Thread(this::sample, "gateway-window");
        sampler.setDaemon(true);
        sampler.start();
    }

    static GatewayWindow open(GatewayRig gateway) {
        return new GatewayWindow(gateway);
    }

    private void sample() {
        while (toMs < 0) {
            GatewayStatus status = gateway.status();
            if (status != null) {
                peakUnconfirmed.accumulateAndGet(status.unconfirmedMessages(), Math::max);
            }
            peakRssMb.accumulateAndGet(gateway.rssMbOrMinusOne(), Math::max);
            try {
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends the window now; idempotent (ending an ended window changes nothing). */
    void end() throws InterruptedException {
        if (toMs >= 0) {
            return;
        }
        toMs = System.currentTimeMillis();
        sampler.interrupt();
        sampler.join(10_000);
        atClose = gateway.status();
    }

    /** Ends the window if a fault failed before it was ended: stops the sampling. */
    @Override
    public void close() throws InterruptedException {
        end();
    }

    long fromMs() {
        return fromMs;
    }

    /** @throws IllegalStateException before the window has ended */
    long toMs() {
        if (toMs < 0) {
            throw new IllegalStateException("the gateway window has not ended");
        }
        return toMs;
    }

    long failedReads() {
        return GatewayStatus.grown(atOpen, atClose, GatewayStatus::failedReads);
    }

    long resends() {
        return GatewayStatus.grown(atOpen, atClose, GatewayStatus::resends);
    }

    long peakUnconfirmed() {
        return peakUnconfirmed.get();
    }

    long peakRssMb() {
        return peakRssMb.get();
    }
}
