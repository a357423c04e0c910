package org.regdesk.ui.drivers.internal;

import org.eclipse.e4.core.services.nls.Message;

/**
 * Operator-facing text of "Sürücüler", from this bundle's {@code OSGI-INF/l10n/bundle*.properties}
 * (Turkish in {@code bundle_tr}, English in {@code bundle}); shared desk text is in
 * {@link org.regdesk.ui.desk.DeskMessages}. e4 injects a fresh instance when the operator switches
 * language ({@code @Translation Messages}). Field name = property key.
 */
@Message
public class Messages {

    public String drivers_title;
    public String drivers_empty;
    public String drivers_columnName;
    public String drivers_columnBundle;
    public String drivers_columnVersion;
    public String drivers_columnState;
    public String updates_title;
    public String updates_repository;
    public String updates_noRepository;
    public String updates_installedTitle;
    public String updates_availableTitle;
    public String updates_check;
    public String updates_install;
    public String updates_rollBack;
    public String updates_columnDriver;
    public String updates_columnFeature;
    public String updates_columnVersion;
    public String updates_columnPrevious;
    public String updates_columnStatus;
    public String updates_statusInstalled;
    public String updates_statusNewer;
    public String updates_statusOlder;
    public String updates_found;
    public String updates_installed;
    public String updates_rolledBack;
    public String updates_step_CONTACTING_REPOSITORY;
    public String updates_step_PLANNING;
    public String updates_step_DOWNLOADING;
    public String updates_step_VERIFYING_SIGNATURES;
    public String updates_step_WAITING_FOR_CARDS;
    public String updates_step_INSTALLING;
    public String updates_step_STARTING_DRIVER;
    public String language;

    /** A refused driver update in the language the workstation shows. */
    public String problem(org.regdesk.updates.UpdateException.Problem problem) {
        return "tr".equals(language) ? problem.turkish() : problem.english();
    }

    /** A step of a driver update. */
    public String step(org.regdesk.updates.DriverUpdates.Step step) {
        return switch (step) {
        case CONTACTING_REPOSITORY -> updates_step_CONTACTING_REPOSITORY;
        case PLANNING -> updates_step_PLANNING;
        case DOWNLOADING -> updates_step_DOWNLOADING;
        case VERIFYING_SIGNATURES -> updates_step_VERIFYING_SIGNATURES;
        case WAITING_FOR_CARDS -> updates_step_WAITING_FOR_CARDS;
        case INSTALLING -> updates_step_INSTALLING;
        case STARTING_DRIVER -> updates_step_STARTING_DRIVER;
        };
    }
}
