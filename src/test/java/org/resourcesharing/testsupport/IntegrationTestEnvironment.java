package org.resourcesharing.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the shared application context at its own database, copies folder, free mail ports and a
 * free HTTP port. The HTTP port is chosen here rather than left to the web server (port 0), so that
 * the links the application makes from its own address (download links of copies, status pages:
 * {@code http://localhost:${server.port}}) lead back to it, as one library's process follows
 * another's download link in {@code BorrowingOverHttpIntegrationTest}.
 */
class IntegrationTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Jdbc database = TestDatabase.create("app");
        int imapPort = freePort();
        TestPropertyValues.of(
                // overrides the 0 of WebEnvironment.RANDOM_PORT; @LocalServerPort still tells it
                "server.port=" + freePort(),
                "spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.user(),
                "spring.datasource.password=" + database.password(),
                "resource-sharing.copies.directory=" + temporaryFolder("rs-copies-"),
                // small, so that the test of a file over the limit sends little
                "spring.servlet.multipart.max-file-size=1MB",
                "spring.servlet.multipart.max-request-size=2MB",
                "resource-sharing.demo.mail-server.smtp-port=" + freePort(),
                "resource-sharing.demo.mail-server.imap-port=" + imapPort,
                // the demo's ILL mailbox, polled often so that tests need not wait
                "resource-sharing.mail.mailboxes[0].name=ill",
                "resource-sharing.mail.mailboxes[0].url=imap://ill%40library.example.edu:ill-demo@127.0.0.1:" + imapPort + "/INBOX",
                "resource-sharing.mail.mailboxes[0].purpose=ILL",
                "resource-sharing.mail.mailboxes[0].agency-id=ISIL:CA-OPETB",
                "resource-sharing.mail.mailboxes[0].triage-group=ill-lending",
                "resource-sharing.mail.mailboxes[0].idle=false",
                "resource-sharing.mail.mailboxes[0].poll-interval=300ms",
                // a second mailbox, read with IMAP IDLE
                "resource-sharing.mail.mailboxes[1].name=jobs",
                "resource-sharing.mail.mailboxes[1].url=imap://jobs%40library.example.edu:jobs-demo@127.0.0.1:" + imapPort + "/INBOX",
                "resource-sharing.mail.mailboxes[1].purpose=JOBS",
                "resource-sharing.mail.mailboxes[1].agency-id=ISIL:CA-OPETB",
                "resource-sharing.mail.mailboxes[1].triage-group=hiring",
                "resource-sharing.mail.mailboxes[1].idle=true")
                .applyTo(context);
    }

    private static String temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
