package org.resourcesharing.borrowing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.copyright.CopyDeliveries;
import org.springframework.stereotype.Component;

/**
 * {@code ${fetchCopy}}: the lender's copy arrived as a download link (in CopyCompleted's note): we
 * download it once, keep it as a delivery of our own and give the patron a personal link, so the
 * five business days (Copyright Act s.30.2(5.02)) run from the patron's first use. Sets
 * {@code patronDownloadUrl}. The copy's record keeps the copyright compliance statement the request
 * was sent under ({@code copyrightCompliance}). A link that does not give a readable PDF is the BPMN error
 * {@value #NO_DOCUMENT} (staff then ask the lender); a network failure is retried by the engine.
 */
@Component("fetchCopy")
class FetchCopyDelegate implements JavaDelegate {

    static final String NO_DOCUMENT = "COPY_NOT_READABLE";
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final long MAX_BYTES = 100L * 1024 * 1024;

    private final CopyDeliveries deliveries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    FetchCopyDelegate(CopyDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) throws IOException, InterruptedException {
        Object note = execution.getVariable("supplierNote");
        Matcher link = LINK.matcher(note == null ? "" : note.toString());
        if (!link.find()) {
            throw new BpmnError(NO_DOCUMENT, "The lender's CopyCompleted gives no download link: " + note);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(link.group())).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            // retried by the engine; the message is what staff see of the failed job (a refused connection has none of its own)
            throw new IOException("The lender's link " + link.group() + " could not be reached: " + unreachable, unreachable);
        }
        byte[] document;
        try (InputStream body = response.body()) {
            document = body.readNBytes((int) MAX_BYTES + 1);
        }
        if (response.statusCode() != 200 || document.length > MAX_BYTES) {
            throw new BpmnError(NO_DOCUMENT, "The lender's link " + link.group() + " answered HTTP " + response.statusCode()
                    + (document.length > MAX_BYTES ? " with more than 100 MB" : ""));
        }
        try {
            CopyDeliveries.Delivery delivery = deliveries.store(execution.getProcessBusinessKey(), "copy.pdf", document,
                    "Borrowed from " + execution.getVariable("lenderName") + " under "
                            + CopyrightCompliance.inWords((String) execution.getVariable("copyrightCompliance")));
            execution.setVariable("patronDownloadUrl", delivery.downloadUrl());
        } catch (IllegalArgumentException unreadable) {
            throw new BpmnError(NO_DOCUMENT, "The lender's document is not a readable PDF: " + unreadable.getMessage());
        }
    }
}
