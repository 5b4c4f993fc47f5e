package io.github.calendlywebhook.dashboard.drill;

import io.github.calendlywebhook.core.event.InviteeCreatedEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A listener for recovery drills, registered only when {@code dashboard.drill.listener-log} names a file:
 * it appends {@code <attempt> <invitee URI>} to that file for every booking it is called with and, with
 * {@code dashboard.drill.block-first-attempt=true}, then blocks on a first attempt until the process is
 * killed, so a test can kill the packaged application between the event's commit and the listener's return
 * and see the listener run after the restart.
 */
@Component
@ConditionalOnProperty("dashboard.drill.listener-log")
class DrillListener {

    private final Path log;
    private final boolean blockFirstAttempt;

    DrillListener(@Value("${dashboard.drill.listener-log}") Path log,
            @Value("${dashboard.drill.block-first-attempt:false}") boolean blockFirstAttempt) {
        this.log = log;
        this.blockFirstAttempt = blockFirstAttempt;
    }

    @EventListener
    void onBooking(InviteeCreatedEvent event, ListenerContext context) throws InterruptedException {
        String line = context.attempt() + " " + event.invitee().uri() + System.lineSeparator();
        try {
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (blockFirstAttempt && context.firstAttempt()) {
            Object never = new Object();
            synchronized (never) {
                while (true) {
                    never.wait();
                }
            }
        }
    }
}
