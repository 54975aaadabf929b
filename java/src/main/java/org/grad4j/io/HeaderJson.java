package org.grad4j.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON of a safetensors header: a strict parser for the subset the format uses (objects,
 * arrays, strings, non-negative integers), rejecting duplicate keys and trailing text other than
 * the padding spaces; and the writer for the same subset.
 *
 * <p>The parser is bounded so that a header cannot make it build much more than its own size:
 * nesting is at most {@value #MAX_DEPTH} levels, arrays (shapes and data offsets) hold at most
 * {@value #MAX_ARRAY_LENGTH} numbers, nested objects (a tensor's fields, the metadata) at most
 * {@value #MAX_MEMBERS} members, and the top-level members are handed over one at a time, so
 * the reader can count and convert them as they come.
 */
final class HeaderJson {
    private static final int MAX_DEPTH = 4;
    static final int MAX_ARRAY_LENGTH = 64;
    static final int MAX_MEMBERS = 65_536;

    /** Receives the header's top-level members in file order, each as soon as it is parsed. */
    interface Members {
        void member(String key, Object value) throws SafetensorsException;
    }

    private final String text;
    private int pos;

    private HeaderJson(String text) {
        this.text = text;
    }

    /**
     * Parses the header's top-level object into {@code members}; malformed JSON is an
     * IllegalArgumentException saying where, and what {@code members} throws is passed on.
     */
    static void parse(String text, Members members) throws SafetensorsException {
        HeaderJson p = new HeaderJson(text);
        p.skipSpace();
        if (!p.peek('{')) {
            throw p.error("the header is not a JSON object");
        }
        p.members(0, Integer.MAX_VALUE, members);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the header object");
        }
    }

    private Object value(int depth) throws SafetensorsException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of the header");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            Map<String, Object> map = new LinkedHashMap<>();
            members(depth, MAX_MEMBERS, map::put);
            return map;
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '"') {
            return string();
        }
        if (c >= '0' && c <= '9') {
            return integer();
        }
        throw error("unexpected character '" + c + "'");
    }

    /** The members of the object at {@code pos}, each handed to {@code out} once parsed. */
    private void members(int depth, int maxMembers, Members out) throws SafetensorsException {
        Set<String> keys = new HashSet<>();
        pos++;
        skipSpace();
        if (peek('}')) {
            pos++;
            return;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("expected a string key");
            }
            String key = string();
            if (!keys.add(key)) {
                throw error("duplicate key \"" + key + "\"");
            }
            if (keys.size() > maxMembers) {
                throw error("an object has more than " + maxMembers + " members");
            }
            skipSpace();
            expect(':');
            out.member(key, value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private List<Object> array(int depth) throws SafetensorsException {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek(']')) {
            pos++;
            return list;
        }
        while (true) {
            if (list.size() == MAX_ARRAY_LENGTH) {
                throw error("an array has more than " + MAX_ARRAY_LENGTH + " elements");
            }
            list.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Long integer() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && ".eE-+".indexOf(text.charAt(pos)) >= 0) {
            throw error("only non-negative integers are allowed here");
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("integer " + text.substring(start, pos) + " is too large");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("malformed header JSON at character " + pos + ": " + problem);
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
