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

    /**
     * Measurement of enterprises' monthly output reports: tags {@link #TAG_PARK}, {@link #TAG_ENTERPRISE}; time = the
     * first instant of the month in the park's time zone, so a correction overwrites the same point. Fields: the
     * {@code REPORT_*} names; money in CNY; a figure not reported is written as -1 (so a correction replaces it).
     */
    public static final String MEASUREMENT_OUTPUT_REPORT = "output_report";
    public static final String REPORT_OUTPUT_VALUE = "output_value_cny";
    public static final String REPORT_VALUE_ADDED = "value_added_cny";
    public static final String REPORT_TAX = "tax_cny";
    public static final String REPORT_REVENUE = "revenue_cny";
    public static final String REPORT_RD_SPEND = "rd_spend_cny";
    public static final String REPORT_EMPLOYEES = "employees";
    public static final String REPORT_EMISSIONS = "emissions_t";
    /**
     * Fields of what a report declares, written on every report ({@code -1}: not declared): one per fuel no meter
     * measures, kg ({@code fuel_raw_coal_kg, fuel_coke_kg, fuel_diesel_kg, fuel_gasoline_kg, fuel_fuel_oil_kg,
     * fuel_lpg_kg}: the carriers of {@code OutputReport.DECLARED_FUELS}), and one per kind of green electricity, kWh
     * ({@code green_contract_kwh, green_certificate_kwh}). The upload's CSV columns have the same names.
     * This is the field of a declared fuel: {@code raw_coal} → {@code fuel_raw_coal_kg}.
     */
    public static String reportFuel(String fuelId) {
        return "fuel_" + fuelId + "_kg";
    }

    /** The field of declared green electricity of a kind ({@code contract} → {@code green_contract_kwh}). */
    public static String reportGreen(String kindId) {
        return "green_" + kindId + "_kwh";
    }

    /** String field: the products of this report as a JSON array of names, so a correction that drops one drops it. */
    public static final String REPORT_PRODUCTS = "products";
    /** Field: when the report (or its latest correction) was received, epoch ms. */
    public static final String REPORT_SUBMITTED_AT = "submitted_at_ms";
    /** String field: the caller that submitted it, for audit. */
    public static final String REPORT_SUBMITTED_BY = "submitted_by";

    /**
     * Measurement of product quantities of the output reports: tags {@link #TAG_PARK}, {@link #TAG_ENTERPRISE},
     * {@link #TAG_PRODUCT}; same time as its report. Only products the report lists under {@link #REPORT_PRODUCTS}
     * count.
     */
    public static final String MEASUREMENT_PRODUCT_OUTPUT = "product_output";
    public static final String TAG_PRODUCT = "product";
    public static final String PRODUCT_QUANTITY = "quantity";
    public static final String PRODUCT_UNIT = "unit";
    public static final String PRODUCT_ENERGY_SHARE = "energy_share";

    /**
     * Measurement of late-reading marks, written by ingest beside a reading that arrives more than
     * {@link #LATE_AFTER_MS} after its device time: tags {@link #TAG_PARK}, {@link #TAG_METER}; time = the first
     * instant of the reading's local day in the park's time zone; field {@link #LATE_ARRIVED_AT}. The dashboard recomputes the stored days such a reading may change.
     */
    public static final String MEASUREMENT_LATE_READING = "late_reading";
    /** Field: when ingest received the late reading, epoch ms. */
    public static final String LATE_ARRIVED_AT = "arrived_ms";
    /** A reading older than this when it arrives is marked late. */
    public static final long LATE_AFTER_MS = 60 * 60_000L;

    /**
     * Measurement of each billing meter's consumption per local day, computed by the efficiency engine and kept so
     * a period is added up from days instead of read from raw readings: tags {@link #TAG_PARK}, {@link #TAG_METER};
     * time = the local day's first instant; fields the {@code DAY_*} names.
     */
    public static final String MEASUREMENT_METER_DAY = "meter_day";
    /** Consumption in the day's known part, primary units. */
    public static final String DAY_VALUE = "value";
    /** The day's length, ms (23 or 25 hours on daylight-saving changes). */
    public static final String DAY_LENGTH_MS = "length_ms";
    public static final String DAY_KNOWN_MS = "known_ms";
    public static final String DAY_ESTIMATED_MS = "estimated_ms";
    public static final String DAY_READINGS = "readings";
    /** When the day was computed, epoch ms. */
    public static final String DAY_COMPUTED_AT = "computed_at_ms";
    /**
     * The sum of the {@link #LATE_ARRIVED_AT} marks of the meter on the day before, the day and the day after when the
     * day was computed (0: none); when the marks sum to something else now, a late reading arrived and the day is
     * computed again.
     */
    public static final String DAY_LATE_SEEN = "late_seen";
    /** String field, only when there were any: the counter findings of the day as a JSON array. */
    public static final String DAY_FINDINGS = "findings";

    private StorageSchema() {
    }

    /** The measurement that holds readings of meters of this kind. */
    public static String measurementOf(MeterKind kind) {
        return kind.wireName();
    }
}
