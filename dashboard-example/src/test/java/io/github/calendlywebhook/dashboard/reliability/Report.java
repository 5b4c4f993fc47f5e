package io.github.calendlywebhook.dashboard.reliability;

import java.util.Map;
import java.util.TreeMap;

/** Prints one summary line per fault run, the figures quoted in {@code docs/reliability.md}. */
final class Report {

    private Report() {
    }

    /** Prints {@code [reliability] name: text}. */
    static void line(String name, String text) {
        System.out.println("[reliability] " + name + ": " + text);
    }

    /** Counts answers by status and acknowledgement, for example {@code {200 accepted=1500, -1=12}}. */
    static Map<String, Integer> tally(Map<String, Deliveries.Answer> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        answers.values().forEach(a -> counts.merge(a.status() + (a.ack().isEmpty() ? "" : " " + a.ack()), 1, Integer::sum));
        return counts;
    }
}
