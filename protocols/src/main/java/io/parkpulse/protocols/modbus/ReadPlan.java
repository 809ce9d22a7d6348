package io.parkpulse.protocols.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Groups the values of one device into as few block reads as it can: values of the same table whose registers are
 * at most {@code maxGap} registers apart share a read, as long as the read stays within {@code maxRegisters}.
 * Reading a few unused registers is far cheaper than another round trip on a 9600-baud RS-485 line behind a
 * gateway, but a gap the device does not implement makes it refuse the whole read, so gaps stay small.
 *
 * <p>Blocks are ordered by table (holding, then input) and address. Sweeping the values in address order and
 * starting a new block only when the next value cannot join gives the fewest blocks for these two limits.
 */
public final class ReadPlan {

    /** Modbus Application Protocol V1.1b3, §6.3 and §6.4: functions 03 and 04 read 1 to 125 (0x7D) registers. */
    public static final int MAX_REGISTERS = 125;
    /** Default gap bridged: four float32 values nobody asked for. */
    public static final int DEFAULT_MAX_GAP = 8;

    private final List<ReadBlock> blocks;

    private ReadPlan(List<ReadBlock> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Plans with the protocol's 125-register limit and gaps of up to {@value #DEFAULT_MAX_GAP} registers. */
    public static ReadPlan of(List<RegisterValue> values) {
        return of(values, DEFAULT_MAX_GAP, MAX_REGISTERS);
    }

    /**
     * @param maxGap       most unused registers bridged between two values (0: only adjacent values share a read)
     * @param maxRegisters most registers in one read; 2…125 (devices with smaller buffers want less — Eastron
     *                     documents at most 80 registers per request for some models)
     */
    public static ReadPlan of(List<RegisterValue> values, int maxGap, int maxRegisters) {
        if (maxGap < 0) {
            throw new IllegalArgumentException("maxGap must be 0 or more, got " + maxGap);
        }
        if (maxRegisters < 2 || maxRegisters > MAX_REGISTERS) {
            throw new IllegalArgumentException("maxRegisters must be 2…" + MAX_REGISTERS + ", got " + maxRegisters);
        }
        List<RegisterValue> sorted = new ArrayList<>(new LinkedHashSet<>(values));
        sorted.sort(Comparator.comparing(RegisterValue::table)
                .thenComparingInt(RegisterValue::address)
                .thenComparingInt(RegisterValue::end));
        List<ReadBlock> blocks = new ArrayList<>();
        List<RegisterValue> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (RegisterValue value : sorted) {
            boolean joins = !current.isEmpty()
                    && current.get(0).table() == value.table()
                    && value.address() - end <= maxGap
                    && Math.max(end, value.end()) - start <= maxRegisters;
            if (joins) {
                end = Math.max(end, value.end());
            } else {
                if (!current.isEmpty()) {
                    blocks.add(new ReadBlock(current.get(0).table(), start, end - start, current));
                }
                current = new ArrayList<>();
                start = value.address();
                end = value.end();
            }
            current.add(value);
        }
        if (!current.isEmpty()) {
            blocks.add(new ReadBlock(current.get(0).table(), start, end - start, current));
        }
        return new ReadPlan(blocks);
    }

    public List<ReadBlock> blocks() {
        return blocks;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}
