package io.parkpulse.emulators;

import static io.parkpulse.protocols.modbus.DataType.FLOAT32;
import static io.parkpulse.protocols.modbus.RegisterTable.HOLDING;
import static io.parkpulse.protocols.modbus.RegisterTable.INPUT;
import static io.parkpulse.protocols.modbus.WordOrder.HIGH_FIRST;

import io.parkpulse.contract.Quantity;
import io.parkpulse.protocols.modbus.RegisterTable;
import io.parkpulse.protocols.modbus.RegisterValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The register map of an emulated Modbus meter: which quantity sits in which registers, and which register ranges
 * the meter answers at all. Real meters answer reads across the reserved registers inside their map (as zeros) and
 * refuse reads outside it with exception 02 (illegal data address); the {@code answered} spans say where that line is.
 *
 * @param model    the meter model, for logs
 * @param points   the quantities and where they sit
 * @param answered register spans read as zeros where no point sits; a point's own registers are always answered
 */
public record ModbusMeterLayout(String model, List<Point> points, List<Span> answered) {

    /** One quantity of the meter and its registers. */
    public record Point(Quantity quantity, RegisterValue register) {
    }

    /** Registers {@code first}…{@code last} (inclusive) of {@code table}. */
    public record Span(RegisterTable table, int first, int last) {

        public boolean contains(RegisterTable t, int address) {
            return t == table && address >= first && address <= last;
        }
    }

    public ModbusMeterLayout {
        points = List.copyOf(points);
        answered = List.copyOf(answered);
    }

    /** A meter that answers exactly the registers of its points and refuses every other register. */
    public static ModbusMeterLayout of(String model, List<Point> points) {
        return new ModbusMeterLayout(model, points, List.of());
    }

    /** Whether a read of {@code address} in {@code table} is answered rather than refused. */
    public boolean answers(RegisterTable table, int address) {
        for (Point point : points) {
            RegisterValue r = point.register();
            if (r.table() == table && address >= r.address() && address < r.end()) {
                return true;
            }
        }
        for (Span span : answered) {
            if (span.contains(table, address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Eastron SDM630 Modbus V2 (three-phase DIN-rail meter): input registers (function 04), IEEE 754 float32, high
     * word first. Addresses from Eastron's "SDM630 Modbus Protocol" input register table (30001 = 0x0000 …): phase 1
     * line-to-neutral volts 30001, phase 1 current 30007, total system power 30053 (W), total system VAr 30061,
     * total system power factor 30063, frequency 30071, total import kWh 30073, total export kWh 30075. The meter's
     * basic block 30001…30080 is answered as one range, the way Eastron's own tools read it.
     */
    public static ModbusMeterLayout eastronSdm630() {
        List<Point> points = new ArrayList<>();
        points.add(new Point(Quantity.VOLTAGE_V, input(0x0000, 1)));
        points.add(new Point(Quantity.CURRENT_A, input(0x0006, 1)));
        points.add(new Point(Quantity.POWER_KW, input(0x0034, 0.001)));
        points.add(new Point(Quantity.REACTIVE_POWER_KVAR, input(0x003C, 0.001)));
        points.add(new Point(Quantity.POWER_FACTOR, input(0x003E, 1)));
        points.add(new Point(Quantity.FREQUENCY_HZ, input(0x0046, 1)));
        points.add(new Point(Quantity.ENERGY_KWH, input(0x0048, 1)));
        points.add(new Point(Quantity.REVERSE_ENERGY_KWH, input(0x004A, 1)));
        return new ModbusMeterLayout("Eastron SDM630 Modbus V2", points, List.of(new Span(INPUT, 0x0000, 0x004F)));
    }

    /**
     * CHINT DTSU666 (three-phase meter common in Chinese parks): holding registers (function 03, as its manual's
     * "ModBus protocol address table" says), float32 high word first, values in the units the manual gives:
     * Ua 0x2006 (0.1 V), Ia 0x200C (0.001 A), Pt 0x2012 (0.1 W), Qt 0x201A (0.1 var), PFt 0x202A (0.001),
     * Freq 0x2044 (0.01 Hz), ImpEp 0x401E and ExpEp 0x4028 (kWh). The measurement block 0x2000…0x2051 and the
     * energy block 0x401E…0x4051 are answered.
     */
    public static ModbusMeterLayout chintDtsu666() {
        List<Point> points = new ArrayList<>();
        points.add(new Point(Quantity.VOLTAGE_V, holding(0x2006, 0.1)));
        points.add(new Point(Quantity.CURRENT_A, holding(0x200C, 0.001)));
        points.add(new Point(Quantity.POWER_KW, holding(0x2012, 0.0001)));
        points.add(new Point(Quantity.REACTIVE_POWER_KVAR, holding(0x201A, 0.0001)));
        points.add(new Point(Quantity.POWER_FACTOR, holding(0x202A, 0.001)));
        points.add(new Point(Quantity.FREQUENCY_HZ, holding(0x2044, 0.01)));
        points.add(new Point(Quantity.ENERGY_KWH, holding(0x401E, 1)));
        points.add(new Point(Quantity.REVERSE_ENERGY_KWH, holding(0x4028, 1)));
        return new ModbusMeterLayout("CHINT DTSU666", points,
                List.of(new Span(HOLDING, 0x2000, 0x2051), new Span(HOLDING, 0x401E, 0x4051)));
    }

    private static RegisterValue input(int address, double scale) {
        return new RegisterValue(INPUT, address, FLOAT32, HIGH_FIRST, scale);
    }

    private static RegisterValue holding(int address, double scale) {
        return new RegisterValue(HOLDING, address, FLOAT32, HIGH_FIRST, scale);
    }
}
