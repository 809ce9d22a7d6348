package io.parkpulse.gateway.southbound.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import io.parkpulse.contract.Quantity;
import io.parkpulse.contract.Value;
import io.parkpulse.gateway.config.DeviceSettings;
import io.parkpulse.gateway.config.Endpoint;
import io.parkpulse.gateway.config.PointConfig;
import io.parkpulse.gateway.southbound.DeviceReader;
import io.parkpulse.gateway.southbound.Readout;
import io.parkpulse.protocols.modbus.DecodedValue;
import io.parkpulse.protocols.modbus.ReadBlock;
import io.parkpulse.protocols.modbus.ReadPlan;
import io.parkpulse.protocols.modbus.RegisterCodec;
import io.parkpulse.protocols.modbus.RegisterTable;
import io.parkpulse.protocols.modbus.RegisterValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one Modbus device (one unit id) over Modbus TCP with j2mod: the points are grouped by {@link ReadPlan} into
 * block reads (function 03 for holding, 04 for input registers) and decoded by {@link RegisterCodec}.
 *
 * <p>What can go wrong, and what becomes of it:
 * <ul>
 *   <li>the device refuses a block (a Modbus exception such as 02, illegal data address): the block's values are
 *       read one by one, so a single bad address costs only its own points, which become problems naming the
 *       point, the register and the exception;</li>
 *   <li>a value decodes to NaN/∞ or lies outside what its quantity can be: a problem for that point;</li>
 *   <li>no connection or no answer before the first block: {@link IOException}, and the next {@link #read()}
 *       connects again; a connection lost after some blocks answered keeps their values and names the rest as
 *       problems.</li>
 * </ul>
 * Several readers may point at the same endpoint (a Modbus TCP gateway with RS-485 meters behind it, told apart by
 * unit id); each keeps its own connection. Not thread-safe: the poller never calls one reader concurrently.
 */
public final class ModbusReader implements DeviceReader {

    private final Endpoint endpoint;
    private final int unitId;
    private final int timeoutMillis;
    private final int retries;
    private final ReadPlan plan;
    /** The points each register value feeds; two points may read the same registers. */
    private final Map<RegisterValue, List<PointConfig<RegisterValue>>> pointsBySource = new LinkedHashMap<>();
    private ModbusTCPMaster master;

    /**
     * @param timeout how long to wait for a connection and for each answer
     * @param retries extra attempts j2mod makes for a request that got no answer
     */
    public ModbusReader(Endpoint endpoint, DeviceSettings.Modbus settings, Duration timeout, int retries) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        this.endpoint = endpoint;
        this.unitId = settings.unitId();
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.retries = retries;
        for (PointConfig<RegisterValue> point : settings.points()) {
            if (!point.quantity().isNumeric()) {
                throw new IllegalArgumentException(point.quantity() + " is not a number and cannot come from Modbus registers");
            }
            pointsBySource.computeIfAbsent(point.source(), s -> new ArrayList<>()).add(point);
        }
        this.plan = ReadPlan.of(List.copyOf(pointsBySource.keySet()));
    }

    /**
     * Reads every block. A connection kept open since the last cycle may have been closed by the device
     * meanwhile (many close idle clients): if it fails before any answer, the read is tried once more on a
     * fresh connection before the device counts as unreachable.
     */
    @Override
    public Readout read() throws IOException {
        boolean keptOpen = master != null;
        try {
            return readOnce();
        } catch (IOException e) {
            if (!keptOpen) {
                throw e;
            }
            return readOnce();
        }
    }

    private Readout readOnce() throws IOException {
        ModbusTCPMaster connected = connect();
        List<Value> values = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean answered = false;
        List<ReadBlock> blocks = plan.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            ReadBlock block = blocks.get(i);
            try {
                readBlock(connected, block, values, problems);
                answered = true;
            } catch (ModbusException e) {
                disconnect();
                if (!answered) {
                    throw new IOException(String.format(Locale.ROOT, "Modbus device %s unit %d did not answer: %s",
                            endpoint, unitId, e.getMessage()), e);
                }
                for (ReadBlock unread : blocks.subList(i, blocks.size())) {
                    for (RegisterValue source : unread.values()) {
                        addProblems(problems, source, "not read, connection lost: " + e.getMessage());
                    }
                }
                break;
            }
        }
        return new Readout(values, problems);
    }

    @Override
    public void close() {
        disconnect();
    }

    /** Reads and decodes one block; a refused block is read again value by value. */
    private void readBlock(ModbusTCPMaster connected, ReadBlock block, List<Value> values, List<String> problems)
            throws ModbusException {
        int[] words;
        try {
            words = fetch(connected, block.table(), block.start(), block.count());
        } catch (ModbusSlaveException refused) {
            if (block.values().size() > 1) {
                for (RegisterValue source : block.values()) {
                    readBlock(connected, new ReadBlock(source.table(), source.address(), source.type().registers(),
                            List.of(source)), values, problems);
                }
            } else {
                addProblems(problems, block.values().get(0), String.format(Locale.ROOT,
                        "device refused function %02d for %d register(s) from 0x%04X: exception %02X (%s)",
                        block.functionCode(), block.count(), block.start(), refused.getType(), refused.getMessage()));
            }
            return;
        }
        for (RegisterValue source : block.values()) {
            DecodedValue decoded = RegisterCodec.decode(source, words, block.offsetOf(source));
            for (PointConfig<RegisterValue> point : pointsBySource.get(source)) {
                if (decoded instanceof DecodedValue.Rejected rejected) {
                    problems.add(point.quantity() + ": " + rejected.reason());
                } else {
                    double number = ((DecodedValue.Number) decoded).value();
                    String implausible = implausible(point.quantity(), number);
                    if (implausible == null) {
                        values.add(Value.of(point.quantity(), number));
                    } else {
                        problems.add(point.quantity() + " at " + source.describe() + ": " + implausible);
                    }
                }
            }
        }
    }

    private int[] fetch(ModbusTCPMaster connected, RegisterTable table, int start, int count) throws ModbusException {
        InputRegister[] registers = table == RegisterTable.HOLDING
                ? connected.readMultipleRegisters(unitId, start, count)
                : connected.readInputRegisters(unitId, start, count);
        int[] words = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return words; // a short answer is caught by the decoder, which names the missing words
    }

    /** Why {@code number} cannot be a value of {@code quantity}, or {@code null} when it can. */
    private static String implausible(Quantity quantity, double number) {
        boolean below = quantity.min() != null && number < quantity.min();
        boolean above = quantity.max() != null && number > quantity.max();
        if (!below && !above) {
            return null;
        }
        return String.format(Locale.ROOT, "%s %s is outside the plausible %s…%s", number, quantity.unit(),
                quantity.min() == null ? "-∞" : quantity.min(), quantity.max() == null ? "+∞" : quantity.max());
    }

    private void addProblems(List<String> problems, RegisterValue source, String why) {
        for (PointConfig<RegisterValue> point : pointsBySource.get(source)) {
            problems.add(point.quantity() + " at " + source.describe() + ": " + why);
        }
    }

    private ModbusTCPMaster connect() throws IOException {
        if (master != null && master.isConnected()) {
            return master;
        }
        disconnect();
        ModbusTCPMaster fresh = new ModbusTCPMaster(endpoint.host(), endpoint.port(), timeoutMillis, false);
        try {
            fresh.connect();
        } catch (Exception e) { // j2mod declares plain Exception: unknown host, refused, timed out
            fresh.disconnect();
            throw new IOException(String.format(Locale.ROOT, "cannot connect to Modbus device %s (unit %d): %s",
                    endpoint, unitId, e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        fresh.setRetries(retries);
        master = fresh;
        return master;
    }

    private void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }
}
