package io.parkpulse.bench.efficiency;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.efficiency.benchmark.FrontrunnerRule;
import io.parkpulse.efficiency.calendar.ParkCalendar;
import io.parkpulse.efficiency.calendar.Period;
import io.parkpulse.efficiency.coal.CoefficientTable;
import io.parkpulse.efficiency.coal.EnergyBasis;
import io.parkpulse.efficiency.counter.CounterProfile;
import io.parkpulse.efficiency.counter.CounterReading;
import io.parkpulse.efficiency.evaluation.EnterpriseInfo;
import io.parkpulse.efficiency.evaluation.EnterprisePeriod;
import io.parkpulse.efficiency.evaluation.MeterInfo;
import io.parkpulse.efficiency.evaluation.Metered;
import io.parkpulse.efficiency.evaluation.ParkEvaluation;
import io.parkpulse.efficiency.indicator.Direction;
import io.parkpulse.efficiency.indicator.Indicator;
import io.parkpulse.efficiency.indicator.OutputReport;
import io.parkpulse.efficiency.scoring.Benchmark;
import io.parkpulse.efficiency.scoring.ClassRule;
import io.parkpulse.efficiency.scoring.GradingScope;
import io.parkpulse.efficiency.scoring.MissingRule;
import io.parkpulse.efficiency.scoring.ScoredIndicator;
import io.parkpulse.efficiency.scoring.ScoringRule;
import io.parkpulse.park.Enterprise;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.generator.ParkGenerator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code efficiency-bench}: how long the efficiency engine takes to rank and grade a large park over a month of
 * 15-minute data held in memory — consumption of every billing meter from its raw counter readings, indicators,
 * peer groups of every rankable indicator, land-efficiency scores and classes. The baseline, measured in the same
 * run, is one pass summing the same readings, so the ratio says what the engine costs beyond touching the data.
 */
@Command(name = "efficiency", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time ranking and classes for a generated park of --enterprises over one month of 15-minute readings, in memory.")
public final class EfficiencyBenchCommand implements Callable<Integer> {

    private static final long QUARTER_MS = 15 * 60_000L;
    private static final Set<MeterKind> BILLED = EnumSet.of(MeterKind.ELECTRICITY, MeterKind.WATER, MeterKind.GAS, MeterKind.STEAM, MeterKind.HEAT);

    @Option(names = "--enterprises", defaultValue = "1000", description = "Enterprises in the generated park. Default: ${DEFAULT-VALUE}")
    int enterprises;

    @Option(names = "--month", defaultValue = "2026-10", description = "Local month evaluated. Default: ${DEFAULT-VALUE}")
    YearMonth month;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--repeat", defaultValue = "7", description = "Timed repetitions after one warm-up; the median is printed. Default: ${DEFAULT-VALUE}")
    int repeat;

    @Override
    public Integer call() {
        if (repeat < 1 || enterprises < 1) {
            System.err.println("parkpulse-simulators efficiency-bench: --repeat and --enterprises must be at least 1");
            return 2;
        }
        Park park = new ParkGenerator(new ParkGenerator.Settings("bench-park", "Efficiency bench park",
                ZoneId.of("Asia/Shanghai"), seed, enterprises, 0)).generate().toPark();
        ParkCalendar calendar = new ParkCalendar(park.timeZone());
        Period period = Period.month(month);

        Map<String, EnterpriseInfo> infos = new HashMap<>();
        for (Enterprise e : park.enterprises().values()) {
            infos.put(e.id().value(), new EnterpriseInfo(e.id().value(), e.industry().toString(), e.landMu(), null));
        }
        List<MeterInfo> meters = billingMeters(park);
        SplittableRandom random = new SplittableRandom(seed);
        long from = calendar.start(period).toEpochMilli() - 96 * QUARTER_MS;
        long to = calendar.end(period).toEpochMilli() + 96 * QUARTER_MS;
        Map<String, List<CounterReading>> readings = new HashMap<>();
        long count = 0;
        for (MeterInfo m : meters) {
            List<CounterReading> list = counterReadings(random.split(), from, to);
            readings.put(m.id(), list);
            count += list.size();
        }
        List<OutputReport> reports = outputReports(infos.keySet(), month, random.split());

        ParkEvaluation evaluation = new ParkEvaluation(calendar, CoefficientTable.gbt2589(), EnergyBasis.EQUIVALENT);
        ScoringRule rule = ScoringRule.ratio(List.of(
                peerMean(Indicator.TAX_PER_MU, 40), peerMean(Indicator.VALUE_ADDED_PER_MU, 20),
                peerMean(Indicator.VALUE_ADDED_PER_ENERGY, 20), peerMean(Indicator.LABOUR_PRODUCTIVITY, 10),
                peerMean(Indicator.RD_INTENSITY, 10)));
        GradingScope scope = new GradingScope(3, List.of("D44", "D45", "D46"), 2, "T");
        LocalDate asOf = month.plusMonths(1).atDay(1);

        double[] baseline = new double[repeat];
        double[] engine = new double[repeat];
        int graded = 0;
        for (int r = -1; r < repeat; r++) { // round -1 warms the JIT up and is not recorded
            long t0 = System.nanoTime();
            double sum = 0;
            for (List<CounterReading> list : readings.values()) {
                for (CounterReading reading : list) {
                    sum += reading.value();
                }
            }
            double baseMs = (System.nanoTime() - t0) / 1e6;
            if (sum < 0) {
                throw new IllegalStateException("keeps the loop");
            }

            long t1 = System.nanoTime();
            Map<String, EnterprisePeriod> figures = evaluation.figures(period, infos.values(), meters,
                    id -> readings.getOrDefault(id, List.of()), reports);
            for (Indicator indicator : ParkEvaluation.rankable()) {
                ParkEvaluation.peerGroups(figures, indicator, FrontrunnerRule.BEST);
            }
            Map<String, ParkEvaluation.LandEfficiency> land = ParkEvaluation.landEfficiency(figures, infos, rule,
                    ClassRule.huaian(), scope, asOf);
            double engineMs = (System.nanoTime() - t1) / 1e6;
            if (r >= 0) {
                baseline[r] = baseMs;
                engine[r] = engineMs;
            }
            graded = (int) land.values().stream().filter(l -> l.grade() != null && !l.grade().equals("T")).count();
        }
        double baseMs = median(baseline);
        double engineMs = median(engine);
        System.out.printf(Locale.ROOT, "efficiency engine: %,d enterprises, %,d billing meters, %,d readings (%s, 15-minute, with a day of margin each side)%n",
                infos.size(), meters.size(), count, month);
        System.out.printf(Locale.ROOT, "  baseline (one pass summing the readings)   %8.1f ms (median of %d)%n", baseMs, repeat);
        System.out.printf(Locale.ROOT, "  consumption, indicators, %d peer rankings by industry, scores and classes (%d graded)%n",
                ParkEvaluation.rankable().size(), graded);
        System.out.printf(Locale.ROOT, "                                             %8.1f ms (median of %d) = %.1f x baseline; target < 1000 ms%n",
                engineMs, repeat, engineMs / baseMs);
        return 0;
    }

    private static ScoredIndicator peerMean(Indicator indicator, double weight) {
        return new ScoredIndicator(indicator, Direction.HIGHER_IS_BETTER, weight,
                new Benchmark.OfPeers(Benchmark.Statistic.MEAN, 2.0), 1.5, Double.NaN, MissingRule.ZERO);
    }

    /** The first meter of each billed kind per enterprise: its main meter. */
    private static List<MeterInfo> billingMeters(Park park) {
        List<MeterInfo> list = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Meter m : park.meters().values()) {
            if (m.isParkLevel() || !BILLED.contains(m.kind()) || !seen.add(m.enterprise() + "/" + m.kind())) {
                continue;
            }
            Metered metered = switch (m.kind()) {
                case ELECTRICITY -> Metered.ELECTRICITY;
                case WATER -> Metered.WATER;
                case GAS -> Metered.NATURAL_GAS;
                case HEAT -> Metered.HEAT;
                default -> Metered.STEAM;
            };
            list.add(new MeterInfo(m.id().value(), m.enterprise().value(), metered, CounterProfile.plain()));
        }
        return list;
    }

    /** A register advancing at a seeded rate with noise, one gap of two hours and one spurious zero. */
    private static List<CounterReading> counterReadings(SplittableRandom random, long from, long to) {
        List<CounterReading> list = new ArrayList<>();
        double rate = 1 + random.nextDouble() * 500;
        long gapAt = from + random.nextLong((to - from) / QUARTER_MS) * QUARTER_MS;
        long zeroAt = from + random.nextLong((to - from) / QUARTER_MS) * QUARTER_MS;
        double register = random.nextDouble() * 100_000;
        for (long t = from; t <= to; t += QUARTER_MS) {
            register += rate * (0.8 + 0.4 * random.nextDouble());
            if (t >= gapAt && t < gapAt + 8 * QUARTER_MS) {
                continue;
            }
            list.add(CounterReading.of(t, t == zeroAt ? 0 : register));
        }
        return list;
    }

    private static List<OutputReport> outputReports(Set<String> enterprises, YearMonth month, SplittableRandom random) {
        List<OutputReport> list = new ArrayList<>();
        for (String e : enterprises) {
            double output = 1e6 + random.nextDouble() * 1e8;
            list.add(OutputReport.builder(e, month, output).valueAdded(output * 0.25).tax(output * 0.04).rdSpend(output * 0.02)
                    .employees(20 + random.nextInt(500)).build());
        }
        return list;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
