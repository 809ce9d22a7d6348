package io.parkpulse.simulators.generator;

import io.parkpulse.contract.MeterKind;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Reading;
import io.parkpulse.contract.Value;
import io.parkpulse.efficiency.carbon.CarbonAccounting;
import io.parkpulse.efficiency.carbon.CarbonPolicy;
import io.parkpulse.efficiency.carbon.GridFactorTable;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.indicator.OutputReport.GreenElectricity;
import io.parkpulse.efficiency.indicator.OutputReport.GreenKind;
import io.parkpulse.efficiency.policy.Policy;
import io.parkpulse.park.CounterDeclaration;
import io.parkpulse.park.Meter;
import io.parkpulse.park.Park;
import io.parkpulse.simulators.model.EnterpriseMonth;
import io.parkpulse.simulators.model.ModelSettings;
import io.parkpulse.simulators.model.ParkModel;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A past year of a park as the simulator models it, per enterprise: energy (tce, on the policy's basis), CO₂ (t, under
 * a carbon policy) and value added (10⁴ CNY). The park's model is run over the whole year at the demo's 15-minute
 * step, as {@code run} would with the same seed; consumption is what the billing meters' registers advanced by (scaled
 * as ingest scales them), declared fuels, green electricity and value added come from the months' output reports.
 * What the demo policy's base-year intensities and budgets are derived from: estimates, like the model itself.
 */
final class BaseYear {

    private static final Duration STEP = Duration.ofMinutes(15);

    /** One enterprise's year. */
    record EnterpriseYear(String enterprise, String industry, double energyTce, double co2T, double valueAdded10k) {

        double energyPerValueAdded() {
            return energyTce / valueAdded10k;
        }
    }

    private final int year;
    private final Map<String, EnterpriseYear> enterprises;

    private BaseYear(int year, Map<String, EnterpriseYear> enterprises) {
        this.year = year;
        this.enterprises = Collections.unmodifiableMap(enterprises);
    }

    int year() {
        return year;
    }

    /** By enterprise id, in the park file's order. */
    Map<String, EnterpriseYear> enterprises() {
        return enterprises;
    }

    double energyTce() {
        return enterprises.values().stream().mapToDouble(EnterpriseYear::energyTce).sum();
    }

    double co2T() {
        return enterprises.values().stream().mapToDouble(EnterpriseYear::co2T).sum();
    }

    double valueAdded10k() {
        return enterprises.values().stream().mapToDouble(EnterpriseYear::valueAdded10k).sum();
    }

    /**
     * Runs {@code park}'s model over {@code year} (local calendar of the park).
     *
     * @param modelSeed the seed the park is simulated with (the demo runs the simulator's default)
     * @param carbon    the carbon policy its CO₂ is counted under
     */
    static BaseYear simulate(Park park, long modelSeed, int year, CarbonPolicy carbon) {
        Map<String, Map<EnergyCarrier, Double>> quantities = new LinkedHashMap<>();
        Map<String, Double> valueAdded = new HashMap<>();
        Map<String, Map<GreenKind, Double>> green = new HashMap<>();
        park.enterprises().keySet().forEach(id -> quantities.put(id.value(), new EnumMap<>(EnergyCarrier.class)));
        Map<String, MonthCount> months = new HashMap<>();

        ModelSettings settings = ModelSettings.of(modelSeed).withOutputs(m -> {
            if (m.month().getYear() != year) {
                return;
            }
            if (!m.complete()) {
                throw new IllegalStateException("the base-year run left " + m.month() + " of " + m.enterprise() + " incomplete");
            }
            months.computeIfAbsent(m.enterprise(), e -> new MonthCount()).count++;
            valueAdded.merge(m.enterprise(), m.valueAddedCny() / 10_000, Double::sum);
            Map<EnergyCarrier, Double> q = quantities.get(m.enterprise());
            m.fuelsKg().forEach((fuel, kg) -> q.merge(EnergyCarrier.valueOf(fuel.toUpperCase(Locale.ROOT)), kg, Double::sum));
            m.greenKwh().forEach((kind, kwh) -> green.computeIfAbsent(m.enterprise(), e -> new EnumMap<>(GreenKind.class))
                    .merge(GreenKind.valueOf(kind.toUpperCase(Locale.ROOT)), kwh, Double::sum));
        });
        ParkModel model = ParkModel.build(park, settings);
        model.checkStep(STEP);
        Map<String, Register> registers = new HashMap<>();
        for (Meter meter : park.meters().values()) {
            EnergyCarrier carrier = carrier(meter.kind());
            if (carrier != null && !meter.isParkLevel() && meter.counter().role() == CounterDeclaration.Role.MAIN) {
                registers.put(meter.id().value(), new Register(meter, carrier));
            }
        }
        long from = LocalDate.of(year, 1, 1).atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
        long to = LocalDate.of(year + 1, 1, 1).atStartOfDay(park.timeZone()).toInstant().toEpochMilli();
        long warm = model.warmUpStart(from);
        model.start(warm, from);
        long step = STEP.toMillis();
        for (long t = Math.floorDiv(warm + step - 1, step) * step; t <= to; t += step) {
            boolean publishing = t >= from;
            model.step(t, publishing, publishing ? (gateway, reading) -> {
                Register r = registers.get(reading.meter());
                if (r != null) {
                    r.read(reading);
                }
            } : null);
        }
        model.finish();

        registers.values().forEach(r -> quantities.get(r.meter.enterprise().value()).merge(r.carrier, r.total(), Double::sum));
        Policy policy = park.policy();
        GridFactorTable table = GridFactorTable.published();
        Map<String, EnterpriseYear> result = new LinkedHashMap<>();
        park.enterprises().values().forEach(e -> {
            String id = e.id().value();
            MonthCount count = months.get(id);
            if (count == null || count.count != 12) {
                throw new IllegalStateException("the base-year run gave " + id + " " + (count == null ? 0 : count.count) + " months of " + year);
            }
            Map<EnergyCarrier, Double> q = quantities.get(id);
            double kgce = 0;
            for (Map.Entry<EnergyCarrier, Double> c : q.entrySet()) {
                kgce += c.getValue() * policy.coefficients().kgcePerUnit(c.getKey(), policy.basis(), year);
            }
            List<GreenElectricity> declared = new ArrayList<>();
            green.getOrDefault(id, Map.of()).forEach((kind, kwh) -> declared.add(new GreenElectricity(kind, kwh)));
            double co2 = CarbonAccounting.emissions(q, declared, carbon, table, policy.coefficients(), year).tCo2();
            result.put(id, new EnterpriseYear(id, e.industry().code(), kgce / 1000, co2, valueAdded.getOrDefault(id, 0.0)));
        });
        return new BaseYear(year, result);
    }

    private static EnergyCarrier carrier(MeterKind kind) {
        return switch (kind) {
            case ELECTRICITY -> EnergyCarrier.ELECTRICITY;
            case GAS -> EnergyCarrier.NATURAL_GAS;
            case STEAM -> EnergyCarrier.STEAM;
            default -> null;
        };
    }

    private static final class MonthCount {
        int count;
    }

    /** A billing meter's register over the year: the sum of its advances, across rollovers, in primary units. */
    private static final class Register {
        final Meter meter;
        final EnergyCarrier carrier;
        final Quantity quantity;
        double previous = Double.NaN;
        double advanced;

        Register(Meter meter, EnergyCarrier carrier) {
            this.meter = meter;
            this.carrier = carrier;
            this.quantity = switch (carrier) {
                case ELECTRICITY -> Quantity.ENERGY_KWH;
                case NATURAL_GAS -> Quantity.GAS_M3;
                default -> Quantity.STEAM_T;
            };
        }

        void read(Reading reading) {
            for (Value v : reading.values()) {
                if (v.quantity() == quantity) {
                    double now = v.number();
                    if (!Double.isNaN(previous)) {
                        double delta = now - previous;
                        if (delta < 0 && Double.isNaN(meter.counter().registerModulus())) {
                            throw new IllegalStateException(meter.id() + " went back without a declared register modulus");
                        }
                        advanced += delta >= 0 ? delta : delta + meter.counter().registerModulus();
                    }
                    previous = now;
                }
            }
        }

        double total() {
            return advanced * meter.factorFor(quantity);
        }
    }
}
