package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

/** One set of Tika's parsers for the whole application, whoever asks first and however many ask at once. */
class TikaParsersTest {

    @Test
    void everyCallerGetsTheSameParsersEvenWhenAskingAtOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Tika>> answers = callers.invokeAll(IntStream.range(0, 8).<Callable<Tika>>mapToObj(i -> TikaParsers::tika).toList());
            for (Future<Tika> answer : answers) {
                assertThat(answer.get()).isSameAs(TikaParsers.tika());
            }
        } finally {
            callers.shutdown();
        }
        assertThat(TikaParsers.tika().getParser()).isSameAs(TikaParsers.parser());
        assertThat(TikaParsers.tika().getDetector()).isSameAs(TikaParsers.parser().getDetector());
    }

    @Test
    void theSharedParsersDetectByContentAndReadTextUpToTheLimitAsked() throws Exception {
        byte[] html = "<html><head><title>Request</title></head><body><p>Interlibrary loan of a thesis</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(TikaParsers.tika().detect(html, "request.txt")).isEqualTo("text/html");
        assertThat(TikaParsers.tika().parseToString(new ByteArrayInputStream(html), new Metadata(), 20)).isEqualTo("Interlibrary loan of");
    }
}
