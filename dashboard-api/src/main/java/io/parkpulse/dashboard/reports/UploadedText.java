package io.parkpulse.dashboard.reports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads an uploaded text body into characters without ever guessing wrong silently (docs/dashboard-api.md#output-reports).
 * A CSV saved by Chinese Excel is GBK unless the user picks "CSV UTF-8", so both are taken: UTF-8 (a BOM is dropped)
 * when the bytes are valid UTF-8, else GB18030 (GBK's superset) when they are valid GB18030. Both decoders are strict
 * ({@link CodingErrorAction#REPORT}): GBK bytes are almost never valid UTF-8, so the order cannot mistake one for the
 * other, and bytes neither can read are refused with where they are — never replaced with U+FFFD and stored.
 */
public final class UploadedText {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The body cannot be read as text; {@code getMessage()} is English, {@link #zh()} the same in Chinese. */
    public static final class EncodingProblem extends IllegalArgumentException {
        private final String zh;

        EncodingProblem(String en, String zh) {
            super(en);
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /** The text and the encoding it was read in. */
    public record Decoded(String text, Charset charset) {
    }

    private UploadedText() {
    }

    /**
     * Decodes {@code bytes}.
     *
     * @param declared the {@code charset} parameter of the Content-Type, or {@code null}: then UTF-8 or GB18030 is detected
     * @param utf8Only JSON, which is UTF-8 by definition (RFC 8259)
     */
    public static Decoded decode(byte[] bytes, String declared, boolean utf8Only) {
        if (startsWith(bytes, (byte) 0xFF, (byte) 0xFE) || startsWith(bytes, (byte) 0xFE, (byte) 0xFF)) {
            throw new EncodingProblem("the body is UTF-16 (it starts with a UTF-16 byte order mark); save the file as \"CSV UTF-8\" or CSV (GBK) and upload it again",
                    "文件是 UTF-16 编码（以 UTF-16 字节顺序标记开头）；请另存为“CSV UTF-8”或 CSV（GBK）后重新上传");
        }
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        Charset charset = declared == null ? null : known(declared, utf8Only);
        if (charset != null) {
            Attempt f = tryDecode(bytes, charset.equals(StandardCharsets.UTF_8) ? start : 0, charset);
            if (f.text != null) {
                return checked(new Decoded(f.text, charset));
            }
            throw new EncodingProblem("the body is not valid " + charset.name() + " as its Content-Type says: " + f.where(bytes, "en"),
                    "文件内容不是 Content-Type 所声明的 " + charset.name() + " 编码：" + f.where(bytes, "zh"));
        }
        Attempt utf8 = tryDecode(bytes, start, StandardCharsets.UTF_8);
        if (utf8.text != null) {
            return checked(new Decoded(utf8.text, StandardCharsets.UTF_8));
        }
        if (utf8Only || start > 0) {
            throw new EncodingProblem("the body is not valid UTF-8: " + utf8.where(bytes, "en"),
                    "文件内容不是有效的 UTF-8 编码：" + utf8.where(bytes, "zh"));
        }
        Attempt gb = tryDecode(bytes, 0, GB18030);
        if (gb.text != null) {
            return checked(new Decoded(gb.text, GB18030));
        }
        throw new EncodingProblem("the body is neither UTF-8 (" + utf8.where(bytes, "en") + ") nor GB18030/GBK ("
                + gb.where(bytes, "en") + "); save the file as \"CSV UTF-8\" and upload it again",
                "文件编码既不是 UTF-8（" + utf8.where(bytes, "zh") + "）也不是 GB18030/GBK（" + gb.where(bytes, "zh")
                        + "）；请另存为“CSV UTF-8”后重新上传");
    }

    /** A U+FFFD already in the text is a character an earlier conversion lost: refused, not stored. */
    private static Decoded checked(Decoded d) {
        int at = d.text.indexOf('\uFFFD');
        if (at >= 0) {
            long line = d.text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            throw new EncodingProblem("line " + line + " contains U+FFFD, the replacement character of a character lost in an earlier conversion; "
                    + "export the file again from the original", "第 " + line + " 行含有替换字符 U+FFFD（之前的转换丢失了字符）；请从原始数据重新导出");
        }
        return d;
    }

    private static Charset known(String declared, boolean utf8Only) {
        String name = declared.trim().replace("\"", "").toUpperCase(Locale.ROOT);
        if (name.equals("UTF-8") || name.equals("UTF8")) {
            return StandardCharsets.UTF_8;
        }
        if (!utf8Only && (name.equals("GB18030") || name.equals("GBK") || name.equals("GB2312") || name.equals("CP936"))) {
            return GB18030; // a superset of GBK and GB2312: what they encode it reads the same
        }
        throw new EncodingProblem("charset " + declared + " is not accepted; send UTF-8" + (utf8Only ? "" : " or GB18030/GBK"),
                "不支持字符集 " + declared + "；请使用 UTF-8" + (utf8Only ? "" : " 或 GB18030/GBK"));
    }

    /** The text, or where decoding stopped. */
    private record Attempt(String text, int offset, int length) {
        /** "line 3, byte 17 (0xC9 0xEC)": the line and the byte within it, both from 1, and the bytes at fault. */
        String where(byte[] bytes, String language) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') { // 0x0A is never part of a multi-byte character in UTF-8 or GB18030
                    line++;
                    lineStart = i + 1;
                }
            }
            StringBuilder hex = new StringBuilder();
            for (int i = offset; i < Math.min(bytes.length, offset + Math.max(length, 1)); i++) {
                hex.append(hex.isEmpty() ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
            }
            int column = offset - lineStart + 1;
            return language.equals("zh") ? "第 " + line + " 行第 " + column + " 字节（" + hex + "）无法解码"
                    : "line " + line + ", byte " + column + " (" + hex + ") cannot be decoded";
        }
    }

    private static Attempt tryDecode(byte[] bytes, int start, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1); // neither encoding makes more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Attempt(null, in.position(), result.length());
        }
        return new Attempt(out.flip().toString(), -1, 0);
    }

    private static boolean startsWith(byte[] bytes, byte... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
