package org.resourcesharing.platform;

import org.apache.tika.Tika;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Tika's detectors and parsers, loaded once for the application and shared (they are thread-safe): loading them finds
 * and instantiates every parser of the standard package, more than half a second of a start, and each {@code new Tika()}
 * did it again. They load at first use; {@link TikaParsersLoading} loads them in the background once the application is
 * up, so that neither the start nor the first upload waits for them.
 */
public final class TikaParsers {

    private TikaParsers() {
    }

    /** Detection and text extraction with Tika's defaults (at most 100,000 characters of text unless a call says otherwise). */
    public static Tika tika() {
        return Loaded.TIKA;
    }

    /** The parser behind {@link #tika()}, for callers that give it their own content handler and context. */
    public static AutoDetectParser parser() {
        return Loaded.PARSER;
    }

    /** Loaded when first asked for: the JVM runs this initialiser once, and callers arriving meanwhile wait for it. */
    private static final class Loaded {

        static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
        static final AutoDetectParser PARSER = new AutoDetectParser(CONFIG);
        static final Tika TIKA = new Tika(CONFIG.getDetector(), PARSER, CONFIG.getTranslator());
    }
}
