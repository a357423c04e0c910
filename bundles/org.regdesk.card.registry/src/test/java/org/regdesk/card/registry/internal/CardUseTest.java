package org.regdesk.card.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;

class CardUseTest {

    private final CardUse use = new CardUse();

    @Test
    void aChangeWaitsForTheOpenSessionAndNoNewOneStartsMeanwhile() throws Exception {
        use.begin();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean ranWhileOpen = new AtomicBoolean();
        AtomicBoolean sessionOpen = new AtomicBoolean(true);
        CompletableFuture<String> change = CompletableFuture.supplyAsync(() -> {
            try {
                waiting.countDown();
                return use.exclusively(Duration.ofSeconds(10), () -> {
                    ranWhileOpen.set(sessionOpen.get());
                    return "changed";
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        Thread.sleep(200);
        assertFalse(change.isDone(), "the change must wait for the session");
        CardException refused = assertThrows(CardException.class, use::begin);
        assertEquals(Reason.BUSY, refused.reason());
        assertFalse(use.tryBegin());
        sessionOpen.set(false);
        use.end();
        assertEquals("changed", change.get(5, TimeUnit.SECONDS));
        assertFalse(ranWhileOpen.get());
        use.begin(); // cards are free again
        use.end();
    }

    @Test
    void aSessionStillOpenAfterTheWaitRefusesTheChangeAndFreesTheCards() throws Exception {
        use.begin();
        AtomicBoolean ran = new AtomicBoolean();
        CardException busy = assertThrows(CardException.class,
                () -> use.exclusively(Duration.ofMillis(150), () -> ran.getAndSet(true)));
        assertEquals(Reason.BUSY, busy.reason());
        assertFalse(ran.get());
        assertTrue(use.tryBegin(), "a refused change must not keep holding the cards");
        use.end();
        use.end();
    }

    @Test
    void twoChangesAtOnceTheSecondIsRefused() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                use.exclusively(Duration.ofSeconds(1), () -> {
                    inside.countDown();
                    release.await();
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        inside.await();
        CardException second = assertThrows(CardException.class, () -> use.exclusively(Duration.ofSeconds(1), () -> null));
        assertEquals(Reason.BUSY, second.reason());
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }
}
