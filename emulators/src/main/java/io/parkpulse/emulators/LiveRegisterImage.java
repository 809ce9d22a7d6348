package io.parkpulse.emulators;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.parkpulse.protocols.modbus.RegisterCodec;
import io.parkpulse.protocols.modbus.RegisterTable;
import io.parkpulse.protocols.modbus.RegisterValue;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The registers of one emulated meter, computed on every request from what {@link MeterValues} holds right now, so
 * a read sees live values. Registers outside the layout are refused (j2mod answers exception 02, illegal data
 * address); a quantity the meter has no value for yet makes the read fail with {@link NoValueException}. The meter
 * has registers only: coils, discrete inputs, files and FIFOs are refused.
 */
final class LiveRegisterImage implements ProcessImage {

    /** A register the layout has but the simulated meter has not produced a value for. */
    static final class NoValueException extends RuntimeException {
        NoValueException(String message) {
            super(message);
        }
    }

    private final MeterValues values;
    private final String meter;
    private final ModbusMeterLayout layout;

    LiveRegisterImage(MeterValues values, String meter, ModbusMeterLayout layout) {
        this.values = values;
        this.meter = meter;
        this.layout = layout;
    }

    /** The current words of {@code count} registers of {@code table} from {@code first}. */
    int[] words(RegisterTable table, int first, int count) {
        for (int address = first; address < first + count; address++) {
            if (!layout.answers(table, address)) {
                throw new IllegalAddressException(String.format(Locale.ROOT, "%s (%s) has no %s register 0x%04X",
                        meter, layout.model(), table.name().toLowerCase(Locale.ROOT), address));
            }
        }
        int[] words = new int[count];
        for (ModbusMeterLayout.Point point : layout.points()) {
            RegisterValue register = point.register();
            if (register.table() != table || register.end() <= first || register.address() >= first + count) {
                continue;
            }
            OptionalDouble latest = values.latest(meter, point.quantity());
            if (latest.isEmpty()) {
                throw new NoValueException(meter + " has no " + point.quantity() + " yet");
            }
            int[] encoded = RegisterCodec.encode(register, latest.getAsDouble());
            for (int i = 0; i < encoded.length; i++) {
                int address = register.address() + i;
                if (address >= first && address < first + count) {
                    words[address - first] = encoded[i];
                }
            }
        }
        return words;
    }

    private Register[] registers(RegisterTable table, int first, int count) {
        int[] words = words(table, first, count);
        Register[] registers = new Register[count];
        for (int i = 0; i < count; i++) {
            registers[i] = new SimpleRegister(words[i]);
        }
        return registers;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        return registers(RegisterTable.INPUT, offset, count);
    }

    @Override
    public InputRegister getInputRegister(int reference) {
        return registers(RegisterTable.INPUT, reference, 1)[0];
    }

    @Override
    public int getInputRegisterCount() {
        return 0x10000;
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        return registers(RegisterTable.HOLDING, offset, count);
    }

    @Override
    public Register getRegister(int reference) {
        return registers(RegisterTable.HOLDING, reference, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return 0x10000;
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        throw new IllegalAddressException("no coils");
    }

    @Override
    public DigitalOut getDigitalOut(int reference) {
        throw new IllegalAddressException("no coils");
    }

    @Override
    public int getDigitalOutCount() {
        return 0;
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        throw new IllegalAddressException("no discrete inputs");
    }

    @Override
    public DigitalIn getDigitalIn(int reference) {
        throw new IllegalAddressException("no discrete inputs");
    }

    @Override
    public int getDigitalInCount() {
        return 0;
    }

    @Override
    public File getFile(int offset) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public File getFileByNumber(int reference) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int offset) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public FIFO getFIFOByAddress(int reference) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }
}
