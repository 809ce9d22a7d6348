package io.parkpulse.protocols.nbiot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * OneNET's push signature: base64(md5(token + nonce + msg)), the bytes concatenated as sent.
 * Source: OneNET HTTP push development guide, "URL验证 … 将配置页面中配置的token与nonce、msg的值计算MD5，并且编码为
 * Base64字符串值" (https://open.iot.10086.cn/doc/nb-iot/book/manual/httppush/develop-manual.html, English at
 * https://onenet.hk.chinamobile.com/suben/doc/nb-iot/book/manual/httppush/develop-manual.html); the same digest over
 * the {@code msg} JSON text signs each POST ({@code msg_signature}), as OneNET's receiver samples compute it
 * ({@code Util.checkSignature}: token bytes + 8 nonce bytes + msg bytes → MD5 → base64).
 */
public final class OneNetSignature {

    private OneNetSignature() {
    }

    public static String of(String token, String nonce, byte[] msg) {
        MessageDigest md5 = md5();
        md5.update(token.getBytes(StandardCharsets.UTF_8));
        md5.update(nonce.getBytes(StandardCharsets.UTF_8));
        md5.update(msg);
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    /** Compares in constant time so that a forger learns nothing from how fast the answer comes. */
    public static boolean matches(String token, String nonce, byte[] msg, String signature) {
        byte[] expected = of(token, nonce, msg).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The URL verification GET ({@code ?msg=…&nonce=…&signature=…}): the answer is {@code msg} itself when the
     * signature matches. Query decoding turns the base64 '+' into a space, so spaces are read back as '+'.
     */
    public static boolean verifiesUrl(String token, String msg, String nonce, String signature) {
        if (token == null || msg == null || nonce == null || signature == null) {
            return false;
        }
        return matches(token, nonce, msg.getBytes(StandardCharsets.UTF_8), signature.replace(' ', '+'));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
