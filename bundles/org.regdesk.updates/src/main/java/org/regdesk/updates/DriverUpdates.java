package org.regdesk.updates;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, updates and rolls back the card-driver features of this desk from a signed repository.
 * A driver installed here serves the next card without a restart; a card operation in progress is
 * never cut (the change waits for it, then gives up with {@link UpdateException.Problem#CARDS_BUSY}).
 * Only jars signed by a configured certificate are ever installed.
 */
@ProviderType
public interface DriverUpdates {

    /** The configured update repository (a file or https URL), if any; the operator's default. */
    Optional<URI> repository();

    /** The driver features installed now, by name. */
    List<InstalledDriver> installed();

    /** Every version of every driver feature the repository offers, newest first per driver. */
    List<DriverRelease> available(URI repository, Progress progress) throws UpdateException;

    /**
     * Installs this release from the repository in place of the installed version of the same driver
     * (newer or older), after checking every jar's signature.
     */
    InstalledDriver install(DriverRelease release, URI repository, Progress progress) throws UpdateException;

    /** Goes back to the version of this driver that was installed before the current one. */
    InstalledDriver rollBack(String featureId, Progress progress) throws UpdateException;

    /** The stages of a change, for the operator's progress display. */
    enum Step {
        CONTACTING_REPOSITORY, PLANNING, DOWNLOADING, VERIFYING_SIGNATURES, WAITING_FOR_CARDS, INSTALLING,
        STARTING_DRIVER
    }

    /** Told of every step as it starts; called on the updating thread. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = step -> {
        };

        void step(Step step);
    }
}
