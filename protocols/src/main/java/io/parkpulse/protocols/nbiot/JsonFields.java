package io.parkpulse.protocols.nbiot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reading push-body fields with reasons that name their JSON path. */
final class JsonFields {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonFields() {
    }

    static JsonNode parse(byte[] body) throws PushFieldException {
        if (body == null || body.length == 0) {
            throw new PushFieldException("$", "empty body");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new PushFieldException("$", "empty body");
            }
            return root;
        } catch (JacksonException e) {
            throw new PushFieldException("$", "not JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new PushFieldException("$", "unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    static JsonNode object(JsonNode parent, String name, String path) throws PushFieldException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new PushFieldException(path, "missing");
        }
        if (!node.isObject()) {
            throw new PushFieldException(path, "not an object but " + kind(node));
        }
        return node;
    }

    static String text(JsonNode parent, String name, String path) throws PushFieldException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new PushFieldException(path, "missing");
        }
        if (!node.isTextual()) {
            throw new PushFieldException(path, "not a string but " + kind(node));
        }
        return node.textValue();
    }

    /** A string or number field as text (carriers send ids both ways), {@code null} when absent or empty. */
    static String optionalId(JsonNode parent, String name, String path) throws PushFieldException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() || node.isIntegralNumber()) {
            String text = node.asText();
            return text.isEmpty() || text.equals("undefined") ? null : text;
        }
        throw new PushFieldException(path, "not a string or integer but " + kind(node));
    }

    static long epochMillis(JsonNode parent, String name, String path) throws PushFieldException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new PushFieldException(path, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new PushFieldException(path, "not epoch milliseconds but " + kind(node));
        }
        return node.longValue();
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + abbreviate(node.textValue()) + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return "the " + node.getNodeType().name().toLowerCase() + " " + node.asText();
        }
        return "an " + (node.isArray() ? "array" : node.getNodeType().name().toLowerCase());
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return abbreviate(nl < 0 ? message : message.substring(0, nl));
    }
}
