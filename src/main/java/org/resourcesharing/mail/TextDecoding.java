package org.resourcesharing.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Turns the bytes of a text part into characters when the sender declared the wrong charset or none
 * at all, as mail clients abroad often do: bytes that are not valid in the declared charset are
 * read in the charset Tika's detector finds instead, and staff are told.
 */
final class TextDecoding {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char REPLACEMENT = '\uFFFD';
    private static final int MIN_CONFIDENCE = 50;

    private TextDecoding() {
    }

    /**
     * @param declared the charset parameter of the part, or null
     * @param what how staff should know the part in a problem ("The body")
     */
    static String decode(byte[] bytes, String declared, String what, List<String> problems) {
        Charset charset = lookUp(declared);
        String text;
        if (charset == null) {
            text = strictUtf8(bytes);
            Charset used = text != null ? StandardCharsets.UTF_8 : detect(bytes, WINDOWS_1252);
            if (text == null) {
                text = lenient(bytes, used);
            }
            if (declared != null && !declared.isBlank()) {
                problems.add(what + " declares the unknown charset \"" + declared + "\"; read as " + used.name());
            }
        } else if (isSingleByteLatin(charset) && hasEightBitBytes(bytes) && strictUtf8(bytes) != null) {
            problems.add(what + " says it is " + declared.strip() + " but is UTF-8; read as UTF-8");
            text = strictUtf8(bytes);
        } else {
            text = strict(bytes, charset);
            if (text == null) {
                Charset detected = detect(bytes, charset.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : charset);
                if (!detected.equals(charset)) {
                    problems.add(what + " says it is " + declared.strip() + " but is not; read as " + detected.name() + ", which it looks like");
                }
                text = lenient(bytes, detected);
            }
        }
        if (text.indexOf(REPLACEMENT) >= 0) {
            problems.add(what + " has characters that could not be decoded (shown as \uFFFD)");
        }
        return text;
    }

    /**
     * Reads a header again as UTF-8 when it is really UTF-8 bytes that were taken one byte per
     * character (headers with raw 8-bit text, which Jakarta Mail reads as ISO-8859-1).
     */
    static String repairHeader(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        String utf8 = strictUtf8(value.getBytes(StandardCharsets.ISO_8859_1));
        return utf8 != null ? utf8 : value;
    }

    private static Charset lookUp(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(name.strip());
            // Mail that says ISO-8859-1 or ASCII is nearly always Windows-1252 (as browsers assume).
            return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * The charset Tika's detector is fairly sure of, else the fallback: on a few words it guesses
     * wildly (EBCDIC, Shift_JIS), and Windows-1252 is what 8-bit mail from our partners nearly always is.
     */
    private static Charset detect(byte[] bytes, Charset fallback) {
        CharsetMatch match = new CharsetDetector().setText(bytes).detect();
        Charset charset = match == null || match.getConfidence() < MIN_CONFIDENCE ? null : lookUp(match.getName());
        return charset == null ? fallback : charset;
    }

    private static boolean isSingleByteLatin(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.startsWith("iso-8859-") || name.startsWith("windows-125");
    }

    private static boolean hasEightBitBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] bytes) {
        return strict(bytes, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String lenient(byte[] bytes, Charset charset) {
        return new String(bytes, charset);
    }
}
