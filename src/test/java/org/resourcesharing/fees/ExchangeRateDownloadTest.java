package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.ExchangeRateDownload.RateDownloadException;
import org.resourcesharing.fees.ExchangeRates.ImportSummary;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/** The scheduled import against a real HTTP server on this machine that answers as the Valet API does. */
class ExchangeRateDownloadTest {

    private HttpServer server;
    private final List<String> asked = new ArrayList<>();
    private int status = 200;
    private String contentType = "application/json";
    private String body = "";

    private final TestLedgers.TestLedger ledger = TestLedgers.withoutRates(Clock.systemUTC());

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/valet", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theConfiguredUrlIsDownloadedAndImported() {
        body = new TestRates().on("2026-11-19", "FXUSDCAD", "1.3998").on("2026-11-20", "FXUSDCAD", "1.4012")
                .on("2026-11-20", "FXEURCAD", "1.6150").json();

        ImportSummary summary = download("/valet/observations/group/FX_RATES_DAILY/json?recent=2").download().orElseThrow();

        assertThat(asked).containsExactly("/valet/observations/group/FX_RATES_DAILY/json?recent=2");
        assertThat(summary.inserted()).isEqualTo(3);
        assertThat(ledger.rates().list("USD", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
                .extracting(ExchangeRate::rate, ExchangeRate::source)
                .containsExactly(org.assertj.core.api.Assertions.tuple(new BigDecimal("1.3998"), "Bank of Canada FXUSDCAD"),
                        org.assertj.core.api.Assertions.tuple(new BigDecimal("1.4012"), "Bank of Canada FXUSDCAD"));
    }

    @Test
    void aCsvAnswerIsReadAsCsvAndTheSameRatesTwiceImportNothingNew() {
        contentType = "text/csv; charset=utf-8";
        body = new TestRates().on("2026-11-20", "FXUSDCAD", "1.4012").csv();
        ExchangeRateDownload download = download("/valet/observations/FXUSDCAD/csv");

        assertThat(download.download().orElseThrow().inserted()).isEqualTo(1);
        assertThat(download.download().orElseThrow().unchanged()).isEqualTo(1);
    }

    @Test
    void withoutAUrlNothingIsDownloaded() {
        ExchangeRateDownload download = new ExchangeRateDownload(ledger.rates(), TestLedgers.properties(""));

        assertThat(download.download()).isEmpty();
        download.run();
        assertThat(asked).isEmpty();
    }

    @Test
    void anErrorAnswerOrABadFileImportsNothingAndTheScheduledRunOnlyLogsIt() {
        status = 503;
        body = "Service unavailable";
        ExchangeRateDownload download = download("/valet/observations/FXUSDCAD/json");

        assertThatThrownBy(download::download).isInstanceOf(RateDownloadException.class).hasMessage("HTTP 503");
        download.run();

        status = 200;
        body = "{\"observations\": [{\"d\": \"2026-11-20\", \"FXUSDCAD\": {\"v\": \"1.4012\"}}, {\"d\": \"2026-11-21\", \"FXUSDCAD\": {\"v\": \"x\"}}]}";
        assertThatThrownBy(download::download).isInstanceOf(InvalidRequestException.class);
        download.run();

        assertThat(asked).hasSize(4);
        assertThat(ledger.rates().list(null, LocalDate.parse("2000-01-01"), LocalDate.parse("2100-01-01"))).isEmpty();
    }

    @Test
    void anUnreachableServerIsReportedNotThrownByTheScheduledRun() {
        ExchangeRateDownload download = new ExchangeRateDownload(ledger.rates(), TestLedgers.properties("http://127.0.0.1:1/valet"));

        assertThatThrownBy(download::download).isInstanceOf(RateDownloadException.class).hasMessageStartingWith("cannot be read");
        download.run();
    }

    private ExchangeRateDownload download(String path) {
        return new ExchangeRateDownload(ledger.rates(), TestLedgers.properties("http://127.0.0.1:" + server.getAddress().getPort() + path));
    }
}
