package org.resourcesharing.iso18626;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.resourcesharing.iso18626.Partner.Credentials;
import org.springframework.stereotype.Component;

/** Posts one message to a partner's endpoint and returns its confirmation; anything else is a {@link PartnerUnreachableException}. */
@Component
class Iso18626Client {

    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    Iso18626Client(Iso18626Properties properties) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.connectTimeout = properties.connectTimeout();
        this.readTimeout = properties.readTimeout();
    }

    String post(Partner partner, String xml) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(partner.endpointUrl()))
                .timeout(readTimeout)
                .header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
        Credentials credentials = partner.outgoing();
        if (credentials != null) {
            request.header("Authorization", switch (credentials.type()) {
                case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                        (credentials.username() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
                case SHARED_SECRET -> "Bearer " + credentials.secret();
            });
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PartnerUnreachableException(partner, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnreachableException(partner, "interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PartnerUnreachableException(partner, "HTTP " + response.statusCode() + " instead of a confirmation", null);
        }
        return response.body();
    }

    /** What went wrong, in words for the incident staff will read. */
    private String describe(IOException failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        // the most specific explanation wins, wherever it sits in the chain
        if (causes.stream().anyMatch(cause -> cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException)) {
            return "its host name cannot be resolved";
        }
        if (causes.stream().anyMatch(HttpConnectTimeoutException.class::isInstance)) {
            return "no connection within " + connectTimeout.toSeconds() + " s";
        }
        if (causes.stream().anyMatch(HttpTimeoutException.class::isInstance)) {
            return "no answer within " + readTimeout.toSeconds() + " s";
        }
        if (causes.stream().anyMatch(ConnectException.class::isInstance)) {
            return "the connection was refused";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** The partner could not be reached or gave no confirmation: a technical failure the engine retries, then shows as an incident. */
    static final class PartnerUnreachableException extends RuntimeException {

        PartnerUnreachableException(Partner partner, String reason, Throwable cause) {
            super(partner.name() + " (" + partner.agencyId() + ") at " + partner.endpointUrl() + ": " + reason, cause);
        }
    }
}
