package io.github.calendlywebhook.core.api.health;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes alerts on and keeps the pending posts, so tests can wait for them to finish. */
final class RecordingNotifier implements AlertNotifier {

    private final AlertNotifier delegate;
    final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Boolean>> posts = new CopyOnWriteArrayList<>();

    RecordingNotifier(AlertNotifier delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Boolean> send(Alert alert) {
        alerts.add(alert);
        CompletableFuture<Boolean> post = delegate.send(alert);
        posts.add(post);
        return post;
    }

    /** Waits for every post so far and returns whether each was accepted. */
    List<Boolean> awaitPosts() {
        return posts.stream().map(CompletableFuture::join).collect(java.util.stream.Collectors.toList());
    }
}
