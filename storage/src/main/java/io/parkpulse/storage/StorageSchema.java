package io.parkpulse.storage;

import io.parkpulse.contract.MeterKind;

/**
 * The names of ParkPulse's InfluxDB schema, the only place they are spelt. {@code docs/storage.md}
 * explains them: one measurement per meter kind, tagged by park, meter, enterprise and industry,
 * one field per value name of the wire vocabulary, millisecond device time as the point's time.
 */
public final class StorageSchema {

    public static final String DEFAULT_DATABASE = "parkpulse";

    /** Tag: the park id. On every point. */
    public static final String TAG_PARK = "park";
    /** Tag: the meter id. On every reading point. */
    public static final String TAG_METER = "meter";
    /** Tag: the enterprise id; absent on park-level meters. */
    public static final String TAG_ENTERPRISE = "enterprise";
    /** Tag: the enterprise's GB/T 4754 industry code (e.g. C3011); absent on park-level meters. */
    public static final String TAG_INDUSTRY = "industry";
    /** Tag: the gateway id, on gateway status points. */
    public static final String TAG_GATEWAY = "gateway";

    /**
     * Field on reading points: the factor applied to the point's cumulative registers (CT × PT for
     * electricity, the multiplier otherwise), so the raw register can be recovered when a ratio change
     * is declared late. Absent means 1 (a directly connected meter): the field is not written then,
     * because each field costs InfluxDB about as much as a point.
     */
    public static final String FIELD_REGISTER_FACTOR = "register_factor";

    /** Measurement of gateway status changes; field {@link #FIELD_ONLINE}. */
    public static final String MEASUREMENT_GATEWAY_STATUS = "gateway_status";
    /** Boolean field: true when the gateway said {@code online}, false for {@code offline}. */
    public static final String FIELD_ONLINE = "online";

    private StorageSchema() {
    }

    /** The measurement that holds readings of meters of this kind. */
    public static String measurementOf(MeterKind kind) {
        return kind.wireName();
    }
}
