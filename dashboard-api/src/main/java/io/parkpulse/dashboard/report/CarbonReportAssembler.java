package io.parkpulse.dashboard.report;

import io.parkpulse.dashboard.efficiency.ParkYear;
import io.parkpulse.efficiency.carbon.Emissions;
import io.parkpulse.efficiency.carbon.tracking.MonthFigures;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.EnterpriseProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetProgress.TotalProgress;
import io.parkpulse.efficiency.carbon.tracking.TargetTracker;
import io.parkpulse.efficiency.coal.EnergyCarrier;
import io.parkpulse.efficiency.evaluation.DataState;
import io.parkpulse.efficiency.evaluation.EnterpriseInfo;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the carbon report together from the park's carbon year — the same months, tracking and basis
 * {@code GET /targets} answers with, so the file and the page never disagree. A month's report counts that month and
 * tracks the year as it stood at its end (the tracker run through it); a year's counts January through the last
 * complete month. Pure.
 */
final class CarbonReportAssembler {

    private CarbonReportAssembler() {
    }

    /**
     * @param month the month reported, or {@code null} for the year through {@code y.through()}
     * @param only  the one enterprise to include (an enterprise caller's own, no park line), or {@code null}
     */
    static CarbonReport assemble(ParkYear y, YearMonth month, String only, Instant generatedAt, String generatedFor) {
        YearMonth through = month != null ? month : y.through();
        int m = through.getMonthValue();
        int from = month != null ? m - 1 : 0;
        TargetProgress progress = month == null || month.equals(y.through()) ? y.progress() : track(y, month);
        List<CarbonReport.Row> rows = new ArrayList<>();
        List<List<MonthFigures>> all = new ArrayList<>();
        List<List<Emissions>> allEmissions = new ArrayList<>();
        for (String id : y.thisYear().keySet()) {
            List<MonthFigures> months = y.thisYear().get(id).subList(from, m);
            List<Emissions> emissions = y.emissions().get(id).subList(from, m);
            all.add(months);
            allEmissions.add(emissions);
            if (only == null || only.equals(id)) {
                EnterpriseProgress e = progress.enterprises().get(id);
                rows.add(row(id, y.enterpriseName(id), y.model().enterprises().get(id).industry(), false, months, emissions,
                        e.energy(), e.co2(), e.isTwoHigh(), month == null ? e.state() : state(months)));
            }
        }
        if (only == null) {
            List<MonthFigures> park = new ArrayList<>();
            for (int i = 0; i < m - from; i++) {
                List<MonthFigures> same = new ArrayList<>();
                for (List<MonthFigures> e : all) {
                    same.add(e.get(i));
                }
                park.add(sum(same));
            }
            List<Emissions> parkEmissions = new ArrayList<>();
            allEmissions.forEach(parkEmissions::addAll);
            rows.add(row(y.model().park().id(), y.model().park().name(), null, true, park, parkEmissions,
                    progress.park().energy(), progress.park().co2(), false, month == null ? progress.park().state() : state(park)));
        }
        String period = month != null ? month.toString() : Integer.toString(y.year());
        DataState.Reason gridNote = y.grid() == null
                ? io.parkpulse.efficiency.carbon.CarbonAccounting.noGridFactor(y.policy().carbon(), y.year())
                : y.grid().note();
        return new CarbonReport(y.model().park().id(), y.model().park().name(), y.model().park().timeZone(), period,
                YearMonth.of(y.year(), from + 1), through, y.policy().version(), y.grid(), gridNote,
                y.policy().carbon().green().id(), y.policy().carbon().heatTCo2PerGj(), y.policy().basis().id(),
                y.policy().coefficients().version(), generatedAt, generatedFor, rows);
    }

    /** The tracking as it stood at the end of {@code month}. */
    private static TargetProgress track(ParkYear y, YearMonth month) {
        Map<String, List<MonthFigures>> now = new LinkedHashMap<>();
        y.thisYear().forEach((id, months) -> now.put(id, months.subList(0, month.getMonthValue())));
        Map<String, String> industries = new LinkedHashMap<>();
        for (EnterpriseInfo e : y.model().enterprises().values()) {
            industries.put(e.id(), e.industry());
        }
        return TargetTracker.track(y.year(), month, now, y.previousYear(), industries, y.policy().carbon());
    }

    private static CarbonReport.Row row(String id, String name, String industry, boolean park, List<MonthFigures> months,
                                        List<Emissions> emissions, TotalProgress energy, TotalProgress co2, boolean twoHigh,
                                        DataState state) {
        MonthFigures f = sum(months);
        Map<EnergyCarrier, Double> byCarrier = new EnumMap<>(EnergyCarrier.class);
        double declared = 0;
        double applied = 0;
        List<DataState.Reason> notes = new ArrayList<>();
        for (Emissions e : emissions) {
            e.tCo2ByCarrier().forEach((c, t) -> byCarrier.merge(c, t, Double::sum));
            declared += e.greenKwhDeclared();
            applied += e.greenKwhApplied();
            // the grid factor's own note is said once, in the basis above the table
            e.notes().stream().filter(n -> !n.code().equals("grid_factor_from_earlier_year") && !notes.contains(n))
                    .forEach(notes::add);
        }
        for (TotalProgress t : List.of(energy, co2)) {
            if (t.why() != null && !t.why().code().equals("insufficient_data") && !notes.contains(t.why())) {
                notes.add(t.why());
            }
        }
        boolean known = state.isSufficient();
        double va = f.valueAdded10k();
        double output = f.outputValue10k();
        return new CarbonReport.Row(id, name, industry, park, known ? f.energyTce() : Double.NaN, known ? f.co2T() : Double.NaN,
                known ? byCarrier : Map.of(), declared, applied, va, output,
                known && va > 0 ? f.energyTce() / va : Double.NaN, known && va > 0 ? f.co2T() / va : Double.NaN,
                known && output > 0 ? f.co2T() / output : Double.NaN, energy.budget(), co2.budget(),
                energy.forecast().value(), co2.forecast().value(), co2.forecast().low(), co2.forecast().high(),
                energy.verdict(), co2.verdict(), twoHigh, state, notes);
    }

    /** Months (or enterprises' same month) added up; as sure as the least sure of them. */
    static MonthFigures sum(List<MonthFigures> months) {
        double energy = 0;
        double co2 = 0;
        double va = 0;
        double output = 0;
        for (MonthFigures f : months) {
            energy += f.energyTce();
            co2 += f.co2T();
            va += f.valueAdded10k();
            output += f.outputValue10k();
        }
        return new MonthFigures(months.isEmpty() ? YearMonth.now() : months.get(0).month(), energy, co2, va, output, state(months));
    }

    static DataState state(List<MonthFigures> months) {
        DataState s = DataState.complete();
        for (MonthFigures f : months) {
            s = s.and(f.state());
        }
        return s;
    }

}
