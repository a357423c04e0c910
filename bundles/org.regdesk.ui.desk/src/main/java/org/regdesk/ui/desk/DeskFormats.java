package org.regdesk.ui.desk;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The desk's one way to show days, moments, countdowns and filled-in messages. */
public final class DeskFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private DeskFormats() {
    }

    /** A day as the desk shows it (dd.MM.yyyy, local time); empty for none. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** A moment as the desk shows it (dd.MM.yyyy HH:mm:ss, local time); empty for none. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** What is left until {@code end}, as mm:ss, never below 00:00. */
    public static String timeLeft(Instant end) {
        long left = Math.max(0, Duration.between(Instant.now(), end).toSeconds());
        return String.format("%02d:%02d", left / 60, left % 60);
    }

    /** Fills {@code {0}}-style placeholders of a message. */
    public static String format(String pattern, Object... arguments) {
        return MessageFormat.format(pattern, arguments);
    }
}
