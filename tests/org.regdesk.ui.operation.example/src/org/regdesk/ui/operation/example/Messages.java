package org.regdesk.ui.operation.example;

import org.eclipse.e4.core.services.nls.Message;

/** The example operation's own text (OSGI-INF/l10n/bundle*.properties), as every operation owns its text. */
@Message
public class Messages {

    public String example_done;
}
