package org.resourcesharing.fees;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.resourcesharing.fees.ExchangeRates.ImportSummary;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports the rates at {@code resource-sharing.fees.rates.import-url} (a Bank of Canada Valet
 * observations URL, JSON or CSV) on the schedule {@code import-cron}; nothing when the URL is empty.
 * Each node of a cluster may run it: importing the same rates twice changes nothing. A download or a
 * file that fails is logged and imports nothing; the next run tries again.
 */
@Component
class ExchangeRateDownload {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRateDownload.class);

    private final ExchangeRates rates;
    private final FeesProperties.Rates settings;
    private final HttpClient http;

    ExchangeRateDownload(ExchangeRates rates, FeesProperties properties) {
        this.rates = rates;
        this.settings = properties.rates();
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Scheduled(cron = "${resource-sharing.fees.rates.import-cron:-}", zone = "${resource-sharing.fees.zone:America/Toronto}")
    void run() {
        try {
            download().ifPresent(summary -> log.info("Exchange rates imported from {}: {} rates of {} from {} to {}: {} new, {} updated, {} unchanged",
                    settings.importUrl(), summary.observations(), summary.currencies(), summary.from(), summary.to(), summary.inserted(),
                    summary.updated(), summary.unchanged()));
        } catch (RateDownloadException | InvalidRequestException failed) {
            log.warn("Exchange rates not imported from {}: {}", settings.importUrl(), failed.getMessage());
        }
    }

    /**
     * Downloads and imports the rates now.
     *
     * @return what was imported; empty when no URL is configured
     * @throws RateDownloadException when the URL cannot be read
     * @throws InvalidRequestException when what it sends is not a valid Valet file (nothing is imported)
     */
    Optional<ImportSummary> download() {
        String url = settings.importUrl();
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip())).timeout(settings.readTimeout())
                .header("Accept", "application/json, text/csv;q=0.9").GET().build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                long limit = settings.maxFileSize().toBytes();
                body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
                if (body.length > limit) {
                    throw new RateDownloadException("the answer is larger than " + settings.maxFileSize().toMegabytes() + " MB");
                }
            }
        } catch (IOException unreachable) {
            throw new RateDownloadException("cannot be read: " + unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RateDownloadException("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new RateDownloadException("HTTP " + response.statusCode());
        }
        ValetFile.Format format = ValetFile.formatOf(response.headers().firstValue("Content-Type").orElse(null))
                .orElseGet(() -> ValetFile.sniff(body));
        return Optional.of(rates.importValet(body, format));
    }

    static final class RateDownloadException extends RuntimeException {

        RateDownloadException(String message) {
            super(message);
        }
    }
}
