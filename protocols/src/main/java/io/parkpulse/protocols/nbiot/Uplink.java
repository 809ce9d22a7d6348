package io.parkpulse.protocols.nbiot;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * One meter uplink as a carrier platform pushed it: who sent it and either the meter's own application bytes or the
 * fields the platform already decoded with a product profile.
 *
 * @param deviceId       the platform's device id (CTWing/Huawei deviceId, OneNET dev_id); may be {@code null}
 * @param imei           the module's IMEI; may be {@code null}
 * @param platformTimeMs when the platform received it, epoch milliseconds
 * @param appData        the raw application payload, or {@code null} when the platform decoded it
 * @param fields         the platform-decoded fields (empty when {@code appData} is given)
 */
public record Uplink(String deviceId, String imei, long platformTimeMs, byte[] appData, Map<PayloadField, Double> fields) {

    public Uplink {
        fields = fields.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(fields));
        if ((appData == null) == fields.isEmpty()) {
            throw new IllegalArgumentException("an uplink carries either app data or decoded fields");
        }
    }

    public static Uplink raw(String deviceId, String imei, long platformTimeMs, byte[] appData) {
        return new Uplink(deviceId, imei, platformTimeMs, appData.clone(), Map.of());
    }

    public static Uplink decoded(String deviceId, String imei, long platformTimeMs, Map<PayloadField, Double> fields) {
        return new Uplink(deviceId, imei, platformTimeMs, null, fields);
    }

    public boolean isRaw() {
        return appData != null;
    }

    @Override
    public byte[] appData() {
        return appData == null ? null : appData.clone();
    }

    /** Who sent it, for logs and rejection reasons. */
    public String sender() {
        return "deviceId=" + deviceId + ", imei=" + imei;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uplink u && java.util.Objects.equals(deviceId, u.deviceId) && java.util.Objects.equals(imei, u.imei)
                && platformTimeMs == u.platformTimeMs && Arrays.equals(appData, u.appData) && fields.equals(u.fields);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(deviceId, imei, platformTimeMs, Arrays.hashCode(appData), fields);
    }

    @Override
    public String toString() {
        return "Uplink[" + sender() + ", platformTimeMs=" + platformTimeMs
                + (appData != null ? ", appData=" + appData.length + " bytes" : ", fields=" + fields) + "]";
    }
}
