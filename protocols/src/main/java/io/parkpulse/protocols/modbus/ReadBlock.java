package io.parkpulse.protocols.modbus;

import java.util.List;
import java.util.Locale;

/**
 * One read request of a {@link ReadPlan}: {@code count} registers of {@code table} from {@code start}, and the
 * values it brings in (in address order).
 */
public record ReadBlock(RegisterTable table, int start, int count, List<RegisterValue> values) {

    public ReadBlock {
        values = List.copyOf(values);
    }

    /** Where {@code value}'s first word sits in the words this block reads. */
    public int offsetOf(RegisterValue value) {
        return value.address() - start;
    }

    /** The Modbus function that reads this block: 03 for holding, 04 for input registers. */
    public int functionCode() {
        return table == RegisterTable.HOLDING ? 3 : 4;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s registers 0x%04X…0x%04X (function %02d, %d registers)",
                table.name().toLowerCase(Locale.ROOT), start, start + count - 1, functionCode(), count);
    }
}
