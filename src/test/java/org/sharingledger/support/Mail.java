package org.sharingledger.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) inside the test JVM, started before the shared application context on a free port
 * that stays the same when a test stops and restarts it, so the ledger sees a mail server go away and come back.
 * Mails received by a stopped server are kept.
 */
public final class Mail {

    public static final int PORT = freePort();
    private static final List<Received> earlier = new ArrayList<>();
    private static GreenMail server;

    static {
        start();
    }

    private Mail() {}

    /** A mail as received: to whom, its subject and its text. */
    public record Received(List<String> to, String subject, String text) {

        public boolean isTo(String address) {
            return to.stream().anyMatch(address::equalsIgnoreCase);
        }
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            earlier.addAll(read(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /**
     * Forgets the mails received so far (the server keeps every one in memory): for a benchmark that sends
     * thousands and measures the heap.
     */
    public static synchronized void purge() {
        earlier.clear();
        if (server != null) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every mail received so far, by any of the servers started. */
    public static synchronized List<Received> all() {
        List<Received> all = new ArrayList<>(earlier);
        if (server != null) {
            all.addAll(read(server.getReceivedMessages()));
        }
        return all;
    }

    public static List<Received> to(String address) {
        return all().stream().filter(mail -> mail.isTo(address)).toList();
    }

    private static List<Received> read(MimeMessage[] messages) {
        return Arrays.stream(messages).map(Mail::read).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(String::valueOf)
                    .toList();
            return new Received(to, message.getSubject(), String.valueOf(message.getContent()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
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
