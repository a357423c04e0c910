package org.regdesk.ui.desk;

/**
 * A wizard page whose Next button does something the citizen should see named (e.g. "İmzala"): the
 * desk's wizard dialog labels the button with {@link #nextLabel()} while the page shows.
 */
public interface NamedNextStep {

    String nextLabel();
}
