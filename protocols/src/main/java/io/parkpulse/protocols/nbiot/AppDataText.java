package io.parkpulse.protocols.nbiot;

import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Application bytes as carriers put them into JSON: base64 (CTWing APPdata, Huawei rawData) or hex (OneNET opaque). */
final class AppDataText {

    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");

    private AppDataText() {
    }

    static byte[] base64(String text, String path) throws PushFieldException {
        if (text.isEmpty()) {
            throw new PushFieldException(path, "empty");
        }
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new PushFieldException(path, "not base64");
        }
    }

    /**
     * Hex first, then base64. OneNET shows LwM2M opaque resources as hex strings; a string that is valid hex is
     * read as hex even if it also happens to be valid base64, because that is what the platform produces.
     */
    static byte[] hexOrBase64(String text, String path) throws PushFieldException {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new PushFieldException(path, "empty");
        }
        if (HEX.matcher(s).matches()) {
            return HexFormat.of().parseHex(s);
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new PushFieldException(path, "neither hex nor base64");
        }
    }
}
