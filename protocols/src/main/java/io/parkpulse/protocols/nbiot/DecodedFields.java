package io.parkpulse.protocols.nbiot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Fields a carrier platform decoded with a product profile. A profile for a ParkPulse meter names its properties
 * after {@link PayloadField} ({@code volume} m³, {@code battery} V, {@code signal} dBm) or after the contract's wire
 * names ({@code volume_m3}, {@code battery_v}, {@code signal_dbm}); case does not matter. Other properties are
 * another product's business and are left alone.
 */
final class DecodedFields {

    private DecodedFields() {
    }

    static Map<PayloadField, Double> from(JsonNode data, String path) throws PushFieldException {
        Map<PayloadField, Double> fields = new EnumMap<>(PayloadField.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PayloadField field = fieldNamed(e.getKey());
            if (field == null) {
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new PushFieldException(path + "." + e.getKey(), "not a number but " + JsonFields.kind(v));
            }
            fields.put(field, v.doubleValue());
        }
        return fields;
    }

    private static PayloadField fieldNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "volume", "volume_m3" -> PayloadField.VOLUME;
            case "battery", "battery_v" -> PayloadField.BATTERY;
            case "signal", "signal_dbm" -> PayloadField.SIGNAL;
            default -> null;
        };
    }
}
