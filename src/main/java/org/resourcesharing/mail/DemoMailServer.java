package org.resourcesharing.mail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.URLName;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A real SMTP and IMAP server inside the demo application, so that the embedded default sends and
 * receives mail without any set-up. Every address is accepted; read a mailbox over IMAP with the
 * address as user name and password.
 */
@Component
@Profile("demo & !prod")
@ConditionalOnProperty(name = "resource-sharing.demo.mail-server.enabled", havingValue = "true", matchIfMissing = true)
class DemoMailServer implements SmartLifecycle {

    private final GreenMail greenMail;
    private volatile boolean running;

    private final List<Mailbox> mailboxes;

    DemoMailServer(Properties properties, MailProperties mail) {
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.smtpPort(), properties.bindAddress(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imapPort(), properties.bindAddress(), ServerSetup.PROTOCOL_IMAP)});
        this.mailboxes = mail.mailboxes();
    }

    /** Starts the server with an account for every mailbox the application reads (user name = address, as in its URL). */
    @Override
    public void start() {
        greenMail.start();
        for (Mailbox mailbox : mailboxes) {
            URLName url = new URLName(mailbox.url());
            String address = URLDecoder.decode(url.getUsername(), StandardCharsets.UTF_8);
            greenMail.setUser(address, address, URLDecoder.decode(url.getPassword(), StandardCharsets.UTF_8));
        }
        running = true;
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE; // up before anything that sends mail, down after it
    }

    @ConfigurationProperties("resource-sharing.demo.mail-server")
    record Properties(boolean enabled, String bindAddress, int smtpPort, int imapPort) {
    }
}
