package io.parkpulse.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    static final long SELF = ProcessHandle.current().pid();

    /** Keeps one thread busy for about {@code ms} of wall time. */
    static double spin(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        return x;
    }

    @Test
    void theCpuTimeOfARunningProcessGrowsWithTheWorkItDoes() {
        double before = ProcessCpu.seconds(SELF).orElseThrow();
        spin(300);
        double after = ProcessCpu.seconds(SELF).orElseThrow();
        assertThat(after - before).isGreaterThan(0.15);
    }

    @Test
    void aProcessThatIsGoneHasNoCpuTimeAndNeverGoesQuiet() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(ProcessCpu.seconds(p.pid())).isEmpty();
        assertThat(ProcessCpu.awaitQuiet(p.pid(), 0.5, Duration.ofMillis(100), Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void aWindowReportsWhatEachProcessUsedInItAndUnknownForTheGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("self", SELF);
        pids.put("gone", gone.pid());
        CpuWindow window = new CpuWindow(pids);
        spin(300);
        window.stop();
        spin(300); // after stop: not counted
        assertThat(window.used().get("self")).isBetween(0.15, 0.5);
        assertThat(window.used().get("gone")).isNaN();
        assertThat(window.used().keySet()).containsExactly("self", "gone");
    }
}
