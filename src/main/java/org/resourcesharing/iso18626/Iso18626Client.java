package org.resourcesharing.iso18626;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.resourcesharing.iso18626.Partner.Credentials;
import org.springframework.stereotype.Component;

/** Posts one message to a partner's endpoint and returns its confirmation; anything else is a {@link PartnerUnreachableException}. */
@Component
class Iso18626Client {

    private final HttpClient http;
    private final Duration readTimeout;

    Iso18626Client(Iso18626Properties properties) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
            throw new PartnerUnreachableException(partner, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerUnreachableException(partner, "interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new PartnerUnreachableException(partner, "HTTP " + response.statusCode() + " instead of a confirmation", null);
        }
        return response.body();
    }

    /** The partner could not be reached or gave no confirmation: a technical failure the engine retries, then shows as an incident. */
    static final class PartnerUnreachableException extends RuntimeException {

        PartnerUnreachableException(Partner partner, String reason, Throwable cause) {
            super(partner.name() + " (" + partner.agencyId() + ") at " + partner.endpointUrl() + ": " + reason, cause);
        }
    }
}
